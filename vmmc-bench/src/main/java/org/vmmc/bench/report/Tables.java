package org.vmmc.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vmmc.bench.compare.AblationResult;
import org.vmmc.bench.compare.BandwidthResult;
import org.vmmc.bench.compare.BreakdownResult;
import org.vmmc.bench.compare.Component;
import org.vmmc.bench.compare.EngineResult;
import org.vmmc.bench.compare.LatencyResult;
import org.vmmc.bench.compare.MeshResult;
import org.vmmc.bench.compare.Result;

/** The tables of each experiment, built from its results. */
public final class Tables {
  private Tables() {}

  /** Every table the results have, in experiment order. */
  public static List<TextTable> all(List<Result> results) {
    List<TextTable> tables = new ArrayList<>();
    latency(results).ifPresent(tables::add);
    bandwidth(results).ifPresent(tables::add);
    breakdown(results).ifPresent(tables::add);
    ablation(results).ifPresent(tables::add);
    mesh(results).ifPresent(tables::add);
    engine(results).ifPresent(tables::add);
    return tables;
  }

  /** One-way latency in µs: a row per size, a column per design/mode. */
  public static Optional<TextTable> latency(List<Result> results) {
    List<LatencyResult> rs = of(results, LatencyResult.class);
    return curve("One-way latency (µs), half a ping-pong round trip between neighbouring nodes",
        rs.stream().map(r -> new Point(r.design() + "/" + r.mode(), r.bytes(), r.latencyUs()))
            .toList());
  }

  /** Sustained bandwidth in MB/s: a row per size, a column per design/mode. */
  public static Optional<TextTable> bandwidth(List<Result> results) {
    List<BandwidthResult> rs = of(results, BandwidthResult.class);
    return curve("Sustained bandwidth (MB/s, 10^6 B/s), back-to-back messages to a neighbour",
        rs.stream().map(r -> new Point(r.design() + "/" + r.mode(), r.bytes(), r.bandwidthMbS()))
            .toList());
  }

  private record Point(String series, int bytes, double value) {}

  private static Optional<TextTable> curve(String title, List<Point> points) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    Set<String> series = new LinkedHashSet<>();
    Set<Integer> sizes = new TreeSet<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (Point p : points) {
      series.add(p.series());
      sizes.add(p.bytes());
      values.put(p.series() + "@" + p.bytes(), p.value());
    }
    List<String> header = new ArrayList<>();
    header.add("size");
    header.addAll(series);
    TextTable t = new TextTable(title, header);
    for (int size : sizes) {
      List<String> row = new ArrayList<>();
      row.add(size(size));
      for (String s : series) {
        Double v = values.get(s + "@" + size);
        row.add(v == null ? "-" : number(v));
      }
      t.row(row);
    }
    return Optional.of(t);
  }

  /** The breakdown in µs: a row per component, a column per design/mode. */
  public static Optional<TextTable> breakdown(List<Result> results) {
    List<BreakdownResult> rs = of(results, BreakdownResult.class);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = new ArrayList<>();
    header.add("component (µs)");
    rs.forEach(r -> header.add(r.design() + "/" + r.mode()));
    TextTable t = new TextTable("Where the time of a " + size(rs.get(0).bytes())
        + " message goes (µs), from the event trace", header);
    for (Component c : Component.values()) {
      List<String> row = new ArrayList<>();
      row.add(c.label());
      rs.forEach(r -> row.add(number(r.us(c))));
      t.row(row);
    }
    List<String> total = new ArrayList<>();
    total.add("one-way latency");
    rs.forEach(r -> total.add(number(r.latencyUs())));
    t.row(total);
    return Optional.of(t);
  }

  /** The ablation: a row per design, change and size. */
  public static Optional<TextTable> ablation(List<Result> results) {
    List<AblationResult> rs = of(results, AblationResult.class);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    TextTable t = new TextTable("What VMMC saves: each design as designed and with a cost put"
        + " back",
        List.of("variant", "ablation", "size", "latency µs", "MB/s", "syscalls/msg",
            "interrupts/msg", "sender µs/msg", "receiver intr µs/msg"));
    for (AblationResult r : rs) {
      t.row(List.of(r.design() + "/" + r.mode(), r.ablation(), size(r.bytes()),
          number(r.latencyUs()),
          number(r.bandwidthMbS()), Long.toString(r.systemCallsPerMessage()),
          Long.toString(r.interruptsPerMessage()), number(r.senderOverheadUs()),
          number(r.receiverOverheadUs())));
    }
    return Optional.of(t);
  }

  /** The mesh experiment's points. */
  public static Optional<TextTable> mesh(List<Result> results) {
    List<MeshResult> rs = of(results, MeshResult.class);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    TextTable t = new TextTable("Mesh under uniform random traffic (loads in flits/node/cycle,"
        + " latency in link cycles; pkt/s and heap measure this computer)",
        List.of("mesh", "point", "offered", "accepted", "latency", "drained", "pkt/s", "heap MB"));
    for (MeshResult r : rs) {
      var p = r.measured();
      t.row(List.of(p.mesh(), r.point(), fixed(p.offeredLoadFlits(), 4),
          fixed(p.acceptedFlits(), 4), fixed(p.latencyCycles(), 2), Boolean.toString(p.drained()),
          fixed(p.packetsPerWallSecond(), 0), fixed(p.peakHeapMb(), 1)));
    }
    return Optional.of(t);
  }

  /** The engine benchmark's records. */
  public static Optional<TextTable> engine(List<Result> results) {
    List<EngineResult> rs = of(results, EngineResult.class);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    TextTable t = new TextTable("Simulation engine speed on this computer (wall clock)",
        List.of("pending", "events/s", "PriorityQueue/s", "ratio", "hand-offs/s"));
    for (EngineResult r : rs) {
      var e = r.measured();
      t.row(List.of(Integer.toString(e.pending()), fixed(e.eventsPerSecond(), 0),
          fixed(e.referenceEventsPerSecond(), 0), fixed(e.speedupOverReference(), 2),
          fixed(e.handoffsPerSecond(), 0)));
    }
    return Optional.of(t);
  }

  /** The results of type {@code type}, in order. */
  static <T extends Result> List<T> of(List<Result> results, Class<T> type) {
    return results.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** A message size: bytes below 1 KB, else KB (1024 B). */
  public static String size(int bytes) {
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " B";
  }

  /** A number with three significant decimals where it is small, fewer where it is large. */
  static String number(double v) {
    double a = Math.abs(v);
    int decimals = a == 0 ? 2 : a < 10 ? 3 : a < 1000 ? 2 : 1;
    return fixed(v, decimals);
  }

  static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
