package org.vmmc.bench.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vmmc.bench.compare.Component;
import org.vmmc.bench.compare.Result;
import org.vmmc.core.sim.Stage;

/** REPORT.md: a run's charts and tables together, with the settings and parameters used. */
final class Report {
  private Report() {}

  static String markdown(List<Result> results, RunInfo info, List<Path> charts) {
    Set<String> chartNames = charts.stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toSet());
    StringBuilder md = new StringBuilder();
    md.append("# VMMC experiments: `").append(info.command()).append("`\n\n");
    md.append("Simulated SHRIMP multicomputer; every figure below comes from the discrete-event"
        + " simulation, so the same settings and seed give the same numbers. Times are"
        + " simulated time; sizes in KB are multiples of 1024 bytes; bandwidth is in MB/s"
        + " (10^6 bytes per second). Records: `results.json` and one CSV file per"
        + " experiment.\n\n");
    md.append("## Run\n\n");
    TextTable run = new TextTable("", List.of("setting", "value"));
    info.settings().forEach(run::row);
    md.append(run.toMarkdown()).append('\n');
    if (!info.designs().isEmpty()) {
      md.append("## Designs\n\n");
      md.append("The network interface designs measured, as their plug-ins declare them.\n\n");
      TextTable designs = new TextTable("", List.of("design", "label", "modes", "features",
          "description"));
      info.designs().forEach(d -> designs.row(List.of("`" + d.get(0) + "`", d.get(1), d.get(2),
          d.get(3), d.get(4))));
      md.append(designs.toMarkdown()).append('\n');
    }
    section(md, "Latency", "latency.png", chartNames, Tables.latency(results),
        "One-way latency is half the mean round trip of ping-pong messages between"
            + " neighbouring nodes 0 and 1, after warm-up rounds; the receiver polls the"
            + " message's last word. A deliberate-update mode sends each message with one"
            + " explicit send (user-level, or by system call on a design without user-level"
            + " sends); an automatic-update mode stores it into an outbox bound to the peer's"
            + " buffer, flag word last, combined under `TIMER_WRITE`. The designs table says"
            + " which modes each design has.");
    section(md, "Bandwidth", "bandwidth.png", chartNames, Tables.bandwidth(results),
        "Sustained bandwidth: back-to-back messages from node 0 to node 1, bytes sent over"
            + " the time from the first send to the receiver seeing the last message.");
    section(md, "Breakdown", List.of("breakdown.png", "breakdown-share.png"), chartNames,
        Tables.breakdown(results), BREAKDOWN_METHOD + "\n\n" + stages());
    section(md, "Ablation: what VMMC saves", "ablation.png", chartNames,
        Tables.ablation(results), ABLATION_NOTE);
    section(md, "Mesh", "mesh.png", chartNames, Tables.mesh(results),
        "Uniform random traffic on k x k meshes with the routers stepped directly. Packet"
            + " rates and heap sizes measure the simulator on the computer that ran it, so they"
            + " change from run to run.");
    section(md, "Engine", "engine.png", chartNames, Tables.engine(results),
        "Events per second of the simulation engine in the hold model, next to a bare"
            + " PriorityQueue loop doing the same work, and hand-offs per second between two"
            + " simulated processes; wall-clock figures of the computer that ran it.");
    if (!info.parameters().isEmpty()) {
      md.append("## Parameters\n\n");
      md.append("Every named parameter (set with `--param name=value`); values that differ"
          + " from the default are in bold. Confidence says whether a source states the default,"
          + " it is inferred from one, or it is an uncertain modelling choice.\n\n");
      TextTable params = new TextTable("", List.of("name", "value", "default", "unit",
          "confidence", "meaning", "source"));
      for (List<String> p : info.parameters()) {
        boolean changed = !p.get(1).equals(p.get(2));
        params.row(List.of("`" + p.get(0) + "`", changed ? "**" + p.get(1) + "**" : p.get(1),
            p.get(2), p.get(3), p.get(4), p.get(5), p.get(6)));
      }
      md.append(params.toMarkdown()).append('\n');
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String title, String chart, Set<String> charts,
      Optional<TextTable> table, String note) {
    section(md, title, List.of(chart), charts, table, note);
  }

  private static void section(StringBuilder md, String title, List<String> chartFiles,
      Set<String> charts, Optional<TextTable> table, String note) {
    if (table.isEmpty()) {
      return;
    }
    md.append("## ").append(title).append("\n\n");
    md.append(note).append("\n\n");
    for (String chart : chartFiles) {
      if (charts.contains(chart)) {
        md.append("![").append(title).append("](").append(chart).append(")\n\n");
      }
    }
    md.append("**").append(table.get().title()).append("**\n\n");
    md.append(table.get().toMarkdown()).append('\n');
  }

  /** Which trace stages each component of the breakdown joins, generated from the stages. */
  static String stages() {
    StringBuilder text = new StringBuilder("Stages by component:");
    String sep = " ";
    for (Component c : Component.values()) {
      List<String> stages = Arrays.stream(Stage.values()).filter(st -> Component.of(st) == c)
          .map(st -> "`" + st.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "`").toList();
      String joined = c == Component.RECEIVER ? "the receiver's process resumptions after the"
          + " last hardware event" + (stages.isEmpty() ? "" : ", " + String.join(", ", stages))
          : String.join(", ", stages);
      if (!joined.isEmpty()) {
        text.append(sep).append(c.label()).append(" = ").append(joined);
        sep = "; ";
      }
    }
    return text.append('.').toString();
  }

  static final String BREAKDOWN_METHOD = """
      The breakdown follows one traced message from the sender's clock before it starts the \
      message to the receiver's clock when it sees the flag word. Every event the simulator \
      dispatches in that window closes an interval since the previous counted event, charged \
      to the event's stage: the stage that ends with the event is what the time went to. \
      Every simulated component of every design declares the stage and node of its events, \
      and each stage belongs to one component of the table, as listed below. A \
      process's resumptions count only where they are on the message's path: the sender's \
      before the first hardware event and before its send returns (its CPU work between device \
      references), the receiver's after the last one (the poll that sees the data). Work a \
      process or a kernel handler charges to its own clock leaves no event, so some time is \
      moved by count (how often the work happened, from the simulation's counters, times its \
      cost, from the parameters): for every design the sender's system calls (trap entry; the \
      way out overlaps the transfer) and its memory bus writes; then what each design's \
      plug-in declares of its own costs that lie inside another stage's interval (such as a \
      library's staging copy, a snoop latency inside the packetizer's interval, or a kernel's \
      send path and arrival handler). The automatic-update \
      combining timer is a component of its own: it runs from the store's bus cycle, which is \
      under memory bus & snoop, until the timer sends the packet. The components add up to \
      the traced latency exactly; `other` collects events of no stage on a message's path \
      (the control path, events scheduled without a trace point). \
      The traced message goes one way, from node 0 to node 1, so its latency can differ by \
      tens of nanoseconds from the latency table's, which halves a round trip (the poll \
      loop's phase and the wait for a mesh clock edge differ).""";

  static final String ABLATION_NOTE = """
      The same one-word and 4 KB messages on each design's deliberate update as designed, \
      with a system call forced around every send (the `syscall-per-send` ablation, on \
      designs whose sends are user-level), and with an interrupt forced for every arriving \
      packet (`interrupt-per-arrival`, on designs whose receiving is polled), which the \
      kernel services with its interrupt costs. A design neither applies to (one that \
      already traps and interrupts) is left out. Sender time is the sender's time inside \
      its send call; receiver interrupt time is the interrupts the receiving node took for \
      the message times the kernel's service time (CPU interrupt entry and exit plus dispatch). \
      The interrupt takes the receiving node's CPU as the data lands, so the polling program \
      sees the data only after the handler returns: the service time adds to the latency, and \
      to the time per message of a stream of small ones.""";
}
