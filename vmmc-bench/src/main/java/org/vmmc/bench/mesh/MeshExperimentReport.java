package org.vmmc.bench.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of a mesh experiment run.
 *
 * @param config what was run
 * @param summaries one per mesh size, in the order run
 */
public record MeshExperimentReport(MeshExperimentConfig config, List<MeshSummary> summaries) {

  /** Copies the list. */
  public MeshExperimentReport {
    summaries = List.copyOf(summaries);
  }

  /** Every measured point: per size the low-load, curve, saturation and speed points. */
  public List<MeshPoint> points() {
    List<MeshPoint> points = new ArrayList<>();
    for (MeshSummary s : summaries) {
      points.add(s.lowLoad());
      points.addAll(s.curve());
      points.add(s.saturationPoint());
      points.add(s.speed());
    }
    return points;
  }

  /** The summaries and the curves as a plain-text table. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Uniform random traffic, %d-flit packets, %d-flit buffers, router %d + link %d "
            + "cycles per hop%n", config.packetFlits(), config.inputBufferFlits(),
        config.routerDelayCycles(), config.linkDelayCycles()));
    out.append(String.format(Locale.ROOT, "%-6s %12s %12s %12s %12s %14s %10s%n", "mesh",
        "zero-load", "low-load", "saturation", "bisection", "speed pkt/s", "heap MB"));
    for (MeshSummary s : summaries) {
      out.append(String.format(Locale.ROOT, "%-6s %12.2f %12.2f %12.4f %12.4f %14.0f %10.1f%n",
          s.mesh(), s.zeroLoadLatencyCycles(), s.lowLoad().latencyCycles(), s.saturationFlits(),
          s.bisectionBoundFlits(), s.speed().packetsPerWallSecond(), s.speed().peakHeapMb()));
    }
    for (MeshSummary s : summaries) {
      if (s.curve().isEmpty()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%nLatency against offered load, %s%n", s.mesh()));
      out.append(String.format(Locale.ROOT, "%10s %10s %12s %8s%n", "offered", "accepted",
          "latency", "drained"));
      for (MeshPoint p : s.curve()) {
        out.append(String.format(Locale.ROOT, "%10.4f %10.4f %12.2f %8s%n",
            p.offeredLoadFlits(), p.acceptedFlits(), p.latencyCycles(), p.drained()));
      }
    }
    return out.toString();
  }

  /** Every point as one JSON object per line. */
  public String toJsonLines() {
    StringBuilder out = new StringBuilder();
    for (MeshPoint p : points()) {
      out.append(p.toJson()).append(System.lineSeparator());
    }
    return out.toString();
  }
}
