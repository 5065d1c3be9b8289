package org.vmmc.bench.mesh;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * What the mesh experiment runs: uniform random traffic with Bernoulli injection on k by k
 * meshes, timed in link cycles.
 *
 * @param sizes the k of each k by k mesh to measure
 * @param curveSizes the sizes whose latency-against-load curve is measured
 * @param packetFlits flits per packet, header included
 * @param inputBufferFlits router input buffer depth, in flits
 * @param routerDelayCycles router delay per hop, in cycles
 * @param linkDelayCycles link delay per hop, in cycles
 * @param warmupCycles cycles run before measuring, to reach a steady state
 * @param measureCycles cycles whose created packets (for latency) and deliveries (for
 *     throughput) are measured
 * @param drainLimitCycles cycles allowed after the window for its packets to arrive
 * @param lowLoadFraction the offered load of the low-load point, as a fraction of saturation
 * @param lowLoadPackets packets to create in the low-load window (sets its length, so the
 *     mean latency has little sampling noise)
 * @param curveFractions offered loads of the curve, as fractions of the measured saturation
 * @param speedFraction the offered load of the speed point, as a fraction of saturation
 * @param speedPackets packets to deliver at the speed point (sets its window length)
 * @param seed the root seed of the traffic
 */
public record MeshExperimentConfig(
    List<Integer> sizes,
    List<Integer> curveSizes,
    int packetFlits,
    int inputBufferFlits,
    int routerDelayCycles,
    int linkDelayCycles,
    long warmupCycles,
    long measureCycles,
    long drainLimitCycles,
    double lowLoadFraction,
    long lowLoadPackets,
    List<Double> curveFractions,
    double speedFraction,
    long speedPackets,
    long seed) {

  /** The full experiment: 8x8, 16x16 and 32x32, with the curve on 8x8. */
  public static final MeshExperimentConfig DEFAULT = new MeshExperimentConfig(
      List.of(8, 16, 32), List.of(8), 8, 4, 3, 1, 3_000, 15_000, 60_000, 0.02, 20_000,
      List.of(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0), 0.25, 600_000,
      42);

  /** A run of a few seconds on a 4x4 mesh, for checks. */
  public static final MeshExperimentConfig QUICK = new MeshExperimentConfig(
      List.of(4), List.of(4), 8, 4, 3, 1, 500, 3_000, 20_000, 0.02, 2_000,
      List.of(0.2, 0.5, 0.8), 0.25, 5_000, 42);

  /** Checks the ranges. */
  public MeshExperimentConfig {
    sizes = List.copyOf(sizes);
    curveSizes = List.copyOf(curveSizes);
    curveFractions = List.copyOf(curveFractions);
    checkArgument(!sizes.isEmpty(), "at least one mesh size is needed");
    checkArgument(sizes.containsAll(curveSizes), "curve sizes %s must be among the sizes %s",
        curveSizes, sizes);
    checkArgument(packetFlits >= 1, "packets have at least 1 flit: %s", packetFlits);
    checkArgument(warmupCycles >= 0, "warm-up must not be negative: %s cycles", warmupCycles);
    checkArgument(measureCycles >= 1, "measurement window must be at least 1 cycle: %s",
        measureCycles);
    checkArgument(drainLimitCycles >= 0, "drain limit must not be negative: %s cycles",
        drainLimitCycles);
    checkArgument(lowLoadFraction > 0 && lowLoadFraction <= 1,
        "low-load fraction must be in (0, 1]: %s", lowLoadFraction);
    checkArgument(lowLoadPackets >= 1, "low-load point needs at least 1 packet: %s",
        lowLoadPackets);
    checkArgument(speedFraction > 0 && speedFraction <= 1,
        "speed fraction must be in (0, 1]: %s", speedFraction);
    checkArgument(speedPackets >= 1, "speed point needs at least 1 packet: %s", speedPackets);
    for (double f : curveFractions) {
      checkArgument(f > 0 && f <= 1, "curve fraction must be in (0, 1]: %s", f);
    }
  }
}
