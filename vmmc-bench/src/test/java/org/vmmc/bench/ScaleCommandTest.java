package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale command with tiny counts: its records' schema, not its timings. */
class ScaleCommandTest {
  private static final List<String> FIELDS = List.of("experiment", "scenario", "design", "mode",
      "mesh", "nodes", "messages", "messages_per_wall_s", "messages_per_cpu_s",
      "events_per_message", "build_s", "heap_per_node_kib", "reference_events_per_s",
      "reference_ratio");

  @TempDir
  static Path root;

  static CommandRun first;

  @BeforeAll
  static void runOnce() {
    first = CommandRun.of("scale", "--quick", "--rounds", "3", "-o",
        root.resolve("first").toString());
  }

  private static JsonNode results(String folder) throws IOException {
    return new ObjectMapper().readTree(root.resolve(folder).resolve("results.json").toFile());
  }

  @Test
  void quickRunWritesOneWellFormedRecordPerScenario() throws IOException {
    assertThat(first.status()).as(first.err()).isZero();
    JsonNode records = results("first");

    List<String> scenarios = new ArrayList<>();
    for (JsonNode r : records) {
      List<String> names = new ArrayList<>();
      r.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(FIELDS);
      assertThat(r.get("experiment").asText()).isEqualTo("scale");
      // The default design is the first with both deliberate and automatic update.
      assertThat(r.get("design").asText()).isEqualTo("shrimp2");
      for (String rate : List.of("messages_per_wall_s", "messages_per_cpu_s",
          "events_per_message", "reference_events_per_s", "reference_ratio")) {
        assertThat(r.get(rate).asDouble()).as(rate + " of " + r).isPositive();
      }
      assertThat(r.get("build_s").asDouble()).isPositive();
      assertThat(r.get("heap_per_node_kib").asDouble()).isNotNegative();
      scenarios.add(r.get("scenario").asText() + "@" + r.get("mesh").asText());
    }
    assertThat(scenarios).containsExactly("pingpong-4@2x1", "alltoall-64@4x4", "ring-4k@4x4",
        "permutation-4k@4x4", "au-stores-4@2x1");
  }

  @Test
  void messageCountsFollowThePatterns() throws IOException {
    Map<String, Long> expected = Map.of("pingpong-4", 2L * 3, "alltoall-64", 16L * 15 * 3,
        "ring-4k", 16L * 3, "permutation-4k", 16L * 3, "au-stores-4", 3L);
    for (JsonNode r : results("first")) {
      assertThat(r.get("messages").asLong()).as(r.get("scenario").asText())
          .isEqualTo(expected.get(r.get("scenario").asText()));
      assertThat(r.get("nodes").asInt()).isEqualTo(r.get("mesh").asText().equals("2x1") ? 2 : 16);
      assertThat(r.get("mode").asText())
          .isEqualTo(r.get("scenario").asText().startsWith("au-") ? "au" : "du");
    }
  }

  @Test
  void eventsPerMessageDependOnlyOnTheSeed() throws IOException {
    CommandRun second = CommandRun.of("scale", "--quick", "--rounds", "3", "-o",
        root.resolve("second").toString());
    assertThat(second.status()).as(second.err()).isZero();

    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    results("first").forEach(r -> a.add(r.get("events_per_message").asDouble()));
    results("second").forEach(r -> b.add(r.get("events_per_message").asDouble()));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void chartIsWritten() throws IOException {
    Path chart = root.resolve("first").resolve("scale.png");
    assertThat(chart).exists();
    assertThat(java.nio.file.Files.size(chart)).isPositive();
  }

  @Test
  void tableHasARowPerScenario() {
    assertThat(first.out()).contains("Simulator cost per message", "pingpong-4", "alltoall-64",
        "ring-4k", "permutation-4k", "au-stores-4");
  }

  @Test
  void tooFewRoundsAreRefusedNamingTheLimit() {
    CommandRun run = CommandRun.of("scale", "--quick", "--rounds", "1", "-o",
        root.resolve("refused").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--rounds must be at least 2: 1");
  }

  @Test
  void anUnknownDesignIsRefusedListingTheAvailableOnes() {
    CommandRun run = CommandRun.of("scale", "--quick", "--design", "nosuch", "-o",
        root.resolve("refused").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("design 'nosuch' is not available", "shrimp2");
  }
}
