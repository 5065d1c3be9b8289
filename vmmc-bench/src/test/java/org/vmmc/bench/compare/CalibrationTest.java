package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The design reference's calibration targets (section 8), measured by the comparison
 * experiments on the default machine between neighbouring nodes, in simulated time.
 */
class CalibrationTest {

  private static <T extends Result> T measure(Experiment experiment, String design, String mode,
      int bytes, Class<T> type) throws Exception {
    Variant variant = Designs.onClassPath().find(design, mode).orElseThrow();
    RunSettings settings = RunSettings.defaults(MachineConfig.defaults(), List.of(variant))
        .withSizes(List.of(bytes));
    List<Result> results = new ArrayList<>();
    for (Task t : experiment.tasks(settings)) {
      results.addAll(t.work().call());
    }
    assertThat(results).hasSize(1);
    return type.cast(results.get(0));
  }

  @Test
  void automaticUpdateOneWordLatencyIsThePublished4point8Microseconds() throws Exception {
    LatencyResult r = measure(Experiment.LATENCY, "shrimp2", "au", 4, LatencyResult.class);

    assertThat(r.latencyUs()).isCloseTo(4.8, withinPercentage(10));
  }

  @Test
  void deliberateUpdateBandwidthOfLargeMessagesIsThePublished23MegabytesPerSecond()
      throws Exception {
    BandwidthResult r = measure(Experiment.BANDWIDTH, "shrimp2", "du", 64 * 1024,
        BandwidthResult.class);

    assertThat(r.bandwidthMbS()).isCloseTo(23.0, withinPercentage(10));
  }

  @Test
  void conventionalFourByteLatencyIsTheParagonNxFigureOf50Microseconds() throws Exception {
    LatencyResult r = measure(Experiment.LATENCY, "conventional", "kernel", 4,
        LatencyResult.class);

    assertThat(r.latencyUs()).isCloseTo(50.0, withinPercentage(20));
  }
}
