package org.vmmc.bench.mesh;

import java.util.Locale;

/**
 * One measured load point of the mesh experiment. Loads are in flits per node per cycle,
 * times in link cycles.
 *
 * @param mesh the mesh size, such as {@code "8x8"}
 * @param offeredLoadFlits the offered load (JSON {@code offered_load_flits})
 * @param latencyCycles mean latency, creation to tail delivery, of the packets created in the
 *     measurement window (JSON {@code latency_cycles}); a lower bound when not {@code drained}
 * @param acceptedFlits the delivered load during the measurement window (JSON
 *     {@code accepted_flits})
 * @param packetsPerWallSecond delivered packets per wall-clock second over the whole run
 *     (JSON {@code packets_per_wall_s})
 * @param peakHeapMb the most heap in use during the run, sampled every few thousand cycles,
 *     in MiB, garbage not yet collected included (JSON {@code peak_heap_mb})
 * @param drained true when every packet of the measurement window was delivered within the
 *     drain limit (false beyond saturation)
 */
public record MeshPoint(
    String mesh,
    double offeredLoadFlits,
    double latencyCycles,
    double acceptedFlits,
    double packetsPerWallSecond,
    double peakHeapMb,
    boolean drained) {

  /** This point as one JSON object, with the snake_case field names above. */
  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"mesh\":\"%s\",\"offered_load_flits\":%.4f,\"latency_cycles\":%.2f,"
            + "\"accepted_flits\":%.4f,\"packets_per_wall_s\":%.0f,\"peak_heap_mb\":%.1f,"
            + "\"drained\":%s}",
        mesh, offeredLoadFlits, latencyCycles, acceptedFlits, packetsPerWallSecond, peakHeapMb,
        drained);
  }
}
