package org.vmmc.examples.ideal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmmc.bench.BenchCommand;
import org.vmmc.core.param.Parameter;

/**
 * The bench run with this project on its class path, as {@code java -cp
 * vmmc-bench.jar:ideal-nic.jar org.vmmc.bench.VmmcBench} runs it: with no option naming the
 * design, its parameters are listed and it is measured in every experiment of {@code compare}.
 */
class IdealOnTheBenchTest {
  /** The variant the comparison names the design's one mode by. */
  private static final String VARIANT = "ideal/du";

  /** A small comparison of every discovered design: two sizes, one round, two nodes. */
  private static final String[] SMALL = {"--sizes", "4,64", "--mesh", "2x1", "--warmup", "1",
      "--rounds", "1", "--bandwidth-bytes", "256", "--threads", "2"};

  @TempDir
  static Path out;

  static Bench compare;

  /** What one run of the bench printed and returned. */
  record Bench(int status, String out, String err) {}

  private static Bench bench(String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = BenchCommand.commandLine(new PrintWriter(stdout, true),
        new PrintWriter(stderr, true)).execute(args);
    return new Bench(status, stdout.toString(), stderr.toString());
  }

  @BeforeAll
  static void compareEveryDesign() {
    List<String> args = new ArrayList<>(List.of("compare", "--out", out.toString()));
    args.addAll(List.of(SMALL));
    compare = bench(args.toArray(String[]::new));
  }

  @Test
  void paramsListsEveryIdealParameterWithItsDefaultUnitAndConfidence() {
    Bench params = bench("params");

    assertThat(params.status()).as(params.err()).isZero();
    for (Parameter<IdealParameters, IdealParameters.Builder, ?> p
        : IdealParameters.PARAMETERS.parameters()) {
      String line = Pattern.quote(IdealParameters.PARAMETERS.qualifiedName(p)) + "\\s+"
          + Pattern.quote(p.format(IdealParameters.DEFAULTS)) + "\\s+"
          + (p.unit().isEmpty() ? "" : Pattern.quote(p.unit()) + "\\s+")
          + p.confidence().name().toLowerCase(Locale.ROOT) + "\\s+"
          + Pattern.quote(p.description());
      assertThat(params.out()).as("params lists %s", p.name()).containsPattern(line);
    }
    assertThat(params.out()).containsPattern("ideal\\.max-packet-payload\\s+4096\\s+bytes\\s");
  }

  @Test
  void compareRunsWithTheDesignOnTheClassPath() {
    assertThat(compare.status()).as(compare.err()).isZero();
    assertThat(compare.out()).contains(VARIANT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latency", "bandwidth", "breakdown"})
  void everyTableHasTheDesignsRows(String experiment) throws IOException {
    List<String> rows = Files.readAllLines(out.resolve(experiment + ".csv"));

    assertThat(rows).as("%s.csv", experiment)
        .anyMatch(row -> row.startsWith(experiment + ",ideal,du,4,"));
    if (!experiment.equals("breakdown")) {
      assertThat(rows).anyMatch(row -> row.startsWith(experiment + ",ideal,du,64,"));
    }
  }

  @Test
  void bothAblationsApplyToIt() throws IOException {
    List<String> rows = Files.readAllLines(out.resolve("ablation.csv"));

    assertThat(rows)
        .anyMatch(row -> row.startsWith("ablation,ideal,du,syscall-per-send,"))
        .anyMatch(row -> row.startsWith("ablation,ideal,du,interrupt-per-arrival,"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"latency.png", "bandwidth.png", "breakdown.png", "breakdown-share.png",
      "ablation.png"})
  void everyChartIsDrawnFromDataThatHasTheDesign(String chart) throws IOException {
    BufferedImage image = ImageIO.read(out.resolve(chart).toFile());

    assertThat(image).as("%s is a PNG image", chart).isNotNull();
    assertThat(image.getWidth()).isPositive();
    // The charts plot the records of results.json, one series or category per variant.
    assertThat(Files.readString(out.resolve("results.json")))
        .containsPattern("\"design\"\\s*:\\s*\"ideal\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"## Latency", "## Bandwidth", "## Breakdown", "## Ablation"})
  void theReportNamesTheDesignInEverySection(String heading) throws IOException {
    String report = Files.readString(out.resolve("REPORT.md"));
    int start = report.indexOf("\n" + heading);
    assertThat(start).as("REPORT.md has a section '%s'", heading).isNotNegative();
    int end = report.indexOf("\n## ", start + 1);
    String section = report.substring(start, end < 0 ? report.length() : end);

    assertThat(section).contains("| " + VARIANT + " |");
  }

  @Test
  void theReportListsTheDesignAndItsParameters() throws IOException {
    String report = Files.readString(out.resolve("REPORT.md"));

    assertThat(report).contains(VARIANT).contains("`ideal.max-packet-payload`")
        .contains("`ideal.outgoing-packets`");
  }
}
