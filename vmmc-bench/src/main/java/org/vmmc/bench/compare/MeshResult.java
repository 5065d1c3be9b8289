package org.vmmc.bench.compare;

import java.util.SequencedMap;
import org.vmmc.bench.mesh.MeshPoint;

/**
 * One load point of the mesh experiment. Its {@code packets_per_wall_s} and
 * {@code peak_heap_mb} measure the simulator on this machine, so they differ from run to run.
 *
 * @param point which point it is: {@code low-load}, {@code curve}, {@code saturation} or
 *     {@code speed}
 * @param measured the point as measured
 */
public record MeshResult(String point, MeshPoint measured) implements Result {

  @Override
  public String experiment() {
    return "mesh";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    return ResultFields.of(this, "mesh", measured.mesh(), "point", point,
        "offered_load_flits", measured.offeredLoadFlits(),
        "latency_cycles", measured.latencyCycles(), "accepted_flits", measured.acceptedFlits(),
        "packets_per_wall_s", measured.packetsPerWallSecond(),
        "peak_heap_mb", measured.peakHeapMb(), "drained", measured.drained());
  }
}
