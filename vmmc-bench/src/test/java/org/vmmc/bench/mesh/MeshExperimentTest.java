package org.vmmc.bench.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeshExperimentTest {

  @Test
  void quickRunFindsSaturationBelowTheBisectionBoundAndLatencyRisingWithLoad() {
    MeshExperimentReport report = MeshExperiment.run(MeshExperimentConfig.QUICK);
    MeshSummary s = report.summaries().getFirst();
    assertThat(s.mesh()).isEqualTo("4x4");
    // 4 x 4, 8 flits, 4 cycles per hop: mean distance 2.5, so 3.5 * 4 + 7
    assertThat(s.zeroLoadLatencyCycles()).isEqualTo(21.0);
    assertThat(s.bisectionBoundFlits()).isEqualTo(1.0);
    assertThat(s.saturationFlits()).isStrictlyBetween(0.1, s.bisectionBoundFlits());
    assertThat(s.saturationPoint().drained()).isFalse();
    assertThat(s.lowLoad().latencyCycles()).isCloseTo(s.zeroLoadLatencyCycles(), within(1.0));
    assertThat(s.curve()).hasSize(3).allSatisfy(p -> {
      assertThat(p.drained()).isTrue();
      assertThat(p.acceptedFlits()).isCloseTo(p.offeredLoadFlits(),
          within(0.1 * p.offeredLoadFlits() + 0.01));
    });
    assertThat(s.curve()).extracting(MeshPoint::latencyCycles)
        .isSortedAccordingTo(Double::compare);
    assertThat(s.speed().offeredLoadFlits())
        .isCloseTo(0.25 * s.saturationFlits(), within(1e-12));
    assertThat(s.speed().packetsPerWallSecond()).isPositive();
    assertThat(s.speed().peakHeapMb()).isPositive();
  }

  @Test
  void sameSeedGivesTheSameMeasurements() {
    List<Double> first = latencies(MeshExperiment.run(MeshExperimentConfig.QUICK));
    List<Double> second = latencies(MeshExperiment.run(MeshExperimentConfig.QUICK));
    assertThat(first).isEqualTo(second);
  }

  private static List<Double> latencies(MeshExperimentReport report) {
    return report.points().stream().map(MeshPoint::latencyCycles).toList();
  }

  @Test
  void pointsAreWrittenAsJsonWithSnakeCaseNames() {
    MeshPoint p = new MeshPoint("8x8", 0.05, 33.25, 0.0498, 123456.7, 6.94, true);
    assertThat(p.toJson()).isEqualTo("{\"mesh\":\"8x8\",\"offered_load_flits\":0.0500,"
        + "\"latency_cycles\":33.25,\"accepted_flits\":0.0498,\"packets_per_wall_s\":123457,"
        + "\"peak_heap_mb\":6.9,\"drained\":true}");
  }

  @Test
  void configRejectsCurveSizesThatAreNotMeasured() {
    assertThatThrownBy(() -> new MeshExperimentConfig(List.of(8), List.of(16), 8, 4, 3, 1,
        100, 100, 100, 0.02, 100, List.of(0.5), 0.25, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("curve sizes [16] must be among the sizes [8]");
  }
}
