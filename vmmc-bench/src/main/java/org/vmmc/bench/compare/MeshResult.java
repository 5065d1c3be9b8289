package org.vmmc.bench.compare;

import java.util.LinkedHashMap;
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
    SequencedMap<String, Object> f = new LinkedHashMap<>();
    f.put("experiment", experiment());
    f.put("mesh", measured.mesh());
    f.put("point", point);
    f.put("offered_load_flits", measured.offeredLoadFlits());
    f.put("latency_cycles", measured.latencyCycles());
    f.put("accepted_flits", measured.acceptedFlits());
    f.put("packets_per_wall_s", measured.packetsPerWallSecond());
    f.put("peak_heap_mb", measured.peakHeapMb());
    f.put("drained", measured.drained());
    return f;
  }
}
