package org.vmmc.bench.mesh;

import java.util.List;

/**
 * The experiment's findings for one mesh size. Loads are in flits per node per cycle, times in
 * link cycles.
 *
 * @param mesh the mesh size, such as {@code "8x8"}
 * @param zeroLoadLatencyCycles the zero-load latency averaged over all (source, destination)
 *     pairs, from the hop formula
 * @param lowLoad the measured point at a very low load, to compare with the formula
 * @param saturationFlits the accepted load when every source always has a packet waiting
 * @param bisectionBoundFlits the ideal throughput under uniform traffic: every bisection link
 *     busy every cycle ({@code 4 / k} on a k by k mesh, k even)
 * @param saturationPoint the measured point at full offered load
 * @param speed the point at {@link MeshExperimentConfig#speedFraction()} of saturation, with
 *     the simulator's own speed
 * @param curve latency against offered load up to saturation (empty when not asked for)
 */
public record MeshSummary(
    String mesh,
    double zeroLoadLatencyCycles,
    MeshPoint lowLoad,
    double saturationFlits,
    double bisectionBoundFlits,
    MeshPoint saturationPoint,
    MeshPoint speed,
    List<MeshPoint> curve) {

  /** Copies the curve. */
  public MeshSummary {
    curve = List.copyOf(curve);
  }
}
