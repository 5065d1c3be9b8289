package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmmc.bench.compare.Component;

/** A tiny comparison run end to end: the files it writes, their schema, and determinism. */
class CompareRunTest {
  private static final String[] TINY = {"--design", "shrimp1,shrimp2,conventional", "--sizes",
      "4,64", "--mesh", "2x1", "--warmup", "1", "--rounds", "1", "--bandwidth-bytes", "256"};

  @TempDir
  static Path root;

  static Path first;
  static String tables;

  @BeforeAll
  static void runOnce() {
    first = root.resolve("first");
    tables = run(first, TINY, "--threads", "2");
  }

  private static String run(Path out, String[] options, String... more) {
    List<String> args = new ArrayList<>(List.of("compare", "--out", out.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of(more));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = BenchCommand.commandLine(new PrintWriter(stdout, true),
        new PrintWriter(stderr, true)).execute(args.toArray(String[]::new));
    assertThat(status).as(stderr.toString()).isZero();
    return stdout.toString();
  }

  private static JsonNode results(Path folder) throws IOException {
    return new ObjectMapper().readTree(folder.resolve("results.json").toFile());
  }

  @Test
  void sameSeedAndParametersGiveTheSameResultsByteForByteOnAnyNumberOfThreads()
      throws IOException {
    Path second = root.resolve("second");
    run(second, TINY, "--threads", "1");

    assertThat(Files.readString(second.resolve("results.json")))
        .isEqualTo(Files.readString(first.resolve("results.json")));
    assertThat(Files.readString(second.resolve("REPORT.md")))
        .isEqualTo(Files.readString(first.resolve("REPORT.md")));
  }

  @Test
  void everyRecordHasTheCommonFieldsAndItsExperimentsMeasure() throws IOException {
    JsonNode records = results(first);

    assertThat(records.isArray()).isTrue();
    Set<String> experiments = new java.util.TreeSet<>();
    for (JsonNode r : records) {
      String experiment = r.get("experiment").asText();
      experiments.add(experiment);
      assertThat(r.get("design").asText()).isIn("shrimp1", "shrimp2", "conventional");
      assertThat(r.get("mode").asText()).isIn("du", "au", "kernel");
      assertThat(r.get("bytes").isInt()).isTrue();
      assertThat(r.has("latency_us") || r.has("bandwidth_mb_s")).as(r.toString()).isTrue();
      if (r.has("latency_us")) {
        assertThat(r.get("latency_us").asDouble()).isPositive();
      }
      if (r.has("bandwidth_mb_s")) {
        assertThat(r.get("bandwidth_mb_s").asDouble()).isPositive();
      }
    }
    assertThat(experiments).containsExactly("ablation", "bandwidth", "breakdown", "latency");
    // 4 variants x 2 sizes of latency and bandwidth, 4 breakdowns, and 3 ablations x 2 sizes
    // on each of the 2 designs they apply to
    assertThat(records).hasSize(4 * 2 + 4 * 2 + 4 + 2 * 6);
    Set<String> variants = new java.util.LinkedHashSet<>();
    for (JsonNode r : records) {
      if (r.get("experiment").asText().equals("latency")) {
        variants.add(r.get("design").asText() + "/" + r.get("mode").asText());
      }
    }
    assertThat(variants).containsExactly("shrimp1/du", "shrimp2/du", "shrimp2/au",
        "conventional/kernel");
  }

  @Test
  void breakdownComponentsAddUpToTheLatency() throws IOException {
    for (JsonNode r : results(first)) {
      if (!r.get("experiment").asText().equals("breakdown")) {
        continue;
      }
      double sum = 0;
      for (Component c : Component.values()) {
        assertThat(r.has(c.field())).as(c.field()).isTrue();
        sum += r.get(c.field()).asDouble();
      }
      assertThat(sum).isCloseTo(r.get("latency_us").asDouble(), within(1e-6));
    }
  }

  @Test
  void csvPerExperimentHasAHeaderAndOneLinePerRecord() throws IOException {
    List<String> latency = Files.readAllLines(first.resolve("latency.csv"));
    List<String> ablation = Files.readAllLines(first.resolve("ablation.csv"));

    assertThat(latency).first().isEqualTo("experiment,design,mode,bytes,latency_us");
    assertThat(latency).hasSize(1 + 4 * 2);
    assertThat(latency.get(1)).startsWith("latency,shrimp1,du,4,");
    assertThat(latency.get(3)).startsWith("latency,shrimp2,du,4,");
    assertThat(ablation).first().asString().startsWith("experiment,design,mode,ablation,bytes,");
    assertThat(ablation).hasSize(1 + 2 * 6);
    assertThat(first.resolve("bandwidth.csv")).exists();
    assertThat(first.resolve("breakdown.csv")).exists();
  }

  @Test
  void reportShowsChartsTablesAndTheSettingsUsed() throws IOException {
    String report = Files.readString(first.resolve("REPORT.md"));

    for (String chart : List.of("latency.png", "bandwidth.png", "breakdown.png",
        "breakdown-share.png", "ablation.png")) {
      assertThat(report).contains("](" + chart + ")");
      assertThat(first.resolve(chart)).isNotEmptyFile();
    }
    assertThat(report).contains("| seed | 42 |").contains("| mesh | 2x1")
        .contains("`cpu.clock-mhz`").contains("| size | shrimp1/du | shrimp2/du | shrimp2/au | conventional/kernel |");
  }

  @Test
  void terminalShowsATablePerExperiment() {
    assertThat(tables).contains("One-way latency (µs)", "Sustained bandwidth (MB/s",
        "Where the time of a 4 B message goes", "What VMMC saves");
  }

  @Test
  void aChangedParameterChangesTheResultsAndIsMarkedInTheReport() throws IOException {
    Path faster = root.resolve("faster");
    run(faster, TINY, "--param", "cpu.clock-mhz=120");

    double before = results(first).get(0).get("latency_us").asDouble();
    double after = results(faster).get(0).get("latency_us").asDouble();
    assertThat(after).isLessThan(before);
    assertThat(Files.readString(faster.resolve("REPORT.md")))
        .contains("| `cpu.clock-mhz` | **120** | 60 | MHz |");
  }
}
