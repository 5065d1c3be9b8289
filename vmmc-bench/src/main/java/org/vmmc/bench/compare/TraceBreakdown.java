package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.TraceRecord;

/**
 * Cuts one traced message's latency into {@link Component}s from the simulator's event trace
 * and the processes' own timestamps.
 *
 * <p>The method: the window runs from the sender's clock before it starts the message to the
 * receiver's clock when it sees the flag word. Each traced event in it closes an interval
 * (from the previous counted event) that is charged to the event's component: the stage that
 * ends with the event is what the time went to. Design components label their events, and
 * {@link #classify} maps labels to components by keyword. Process resumptions ({@code resume
 * <name>}) are counted only where they are on the message's path: the sender's before the
 * first hardware event and before its send call returns (its CPU and library work, which
 * resume it after each device reference), the receiver's after the last hardware event (the
 * poll that sees the data); elsewhere they run beside the message (the sender waiting for
 * local completion or already polling for the reply) and are skipped. What remains after the
 * last event, up to the receiver's timestamp, is the receiver's.
 *
 * <p>Work a process or a kernel handler charges to a clock leaves no event, so some time is
 * moved between components by count ({@link Share}): always the sender's system calls (their
 * count times the trap into the kernel; the way out comes after the message has been handed
 * over, so it is not on the path) to {@link Component#SYSTEM_CALLS}, and the sender node's
 * memory bus writes (the bus counter times the write time) to {@link Component#BUS_SNOOP};
 * then whatever the design's {@link Attribution} says. A share moves at most what its source
 * component holds, so the components add up to the latency exactly.
 */
public final class TraceBreakdown {
  private static final String RESUME = "resume ";

  /**
   * Keyword rules in the order they are tried: the first keyword the label contains names its
   * component. An engine's {@code dma start} is its own logic, before any bus transfer; the
   * {@code combining timer} is the automatic-update timer, not the rest of the combining logic.
   */
  private static final List<Map.Entry<String, Component>> RULES = List.of(
      Map.entry("mesh", Component.MESH),
      Map.entry("copy", Component.COPIES),
      Map.entry("combining timer", Component.COMBINING_TIMER),
      Map.entry("dma start", Component.NIC),
      Map.entry("dma", Component.EISA_DMA),
      Map.entry("eisa", Component.EISA_DMA),
      Map.entry("du read", Component.EISA_DMA),
      Map.entry("snoop", Component.BUS_SNOOP),
      Map.entry("xpress", Component.BUS_SNOOP),
      Map.entry("memory bus", Component.BUS_SNOOP),
      Map.entry("notification", Component.RECEIVER),
      Map.entry("interrupt", Component.RECEIVER),
      Map.entry("upcall", Component.RECEIVER),
      Map.entry("du start", Component.NIC),
      Map.entry("packetize", Component.NIC),
      Map.entry("incoming check", Component.NIC),
      Map.entry("udma", Component.NIC),
      Map.entry("outgoing", Component.NIC),
      Map.entry("combin", Component.NIC),
      Map.entry("flush", Component.NIC),
      Map.entry("fifo", Component.NIC),
      Map.entry("nic", Component.NIC));

  private final SimDuration trapEntry;
  private final SimDuration busWriteTime;

  /**
   * A breakdown that charges {@code trapEntry} per system call and {@code busWriteTime} per
   * memory bus write of the sender.
   */
  public TraceBreakdown(SimDuration trapEntry, SimDuration busWriteTime) {
    this.trapEntry = requireNonNull(trapEntry, "trapEntry");
    this.busWriteTime = requireNonNull(busWriteTime, "busWriteTime");
  }

  /** The breakdown with the costs of {@code config}'s CPU and memory bus. */
  public static TraceBreakdown of(MachineConfig config) {
    var cpu = config.hardware().cpu();
    return new TraceBreakdown(cpu.cycles(cpu.trapEntryCycles()),
        config.hardware().memoryBus().writeTime());
  }

  /**
   * The component a hardware event label belongs to, by keyword (case ignored), trying in
   * order: mesh; copy; combining timer; dma start (NIC logic); dma, eisa or "du read" (EISA
   * DMA); snoop, xpress or "memory bus"; notification, interrupt or upcall (receiver); du
   * start, packetize, incoming check, udma, outgoing, combin, flush, fifo or nic (NIC logic);
   * anything else is {@link Component#OTHER}.
   */
  public static Component classify(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Component> rule : RULES) {
      if (l.contains(rule.getKey())) {
        return rule.getValue();
      }
    }
    return Component.OTHER;
  }

  /** The components of {@code message}'s latency; they add up to {@link OneWay#latency()}. */
  public Map<Component, SimDuration> analyze(OneWay message) {
    return analyze(message, List.of());
  }

  /**
   * The components of {@code message}'s latency with the design's {@code shares} moved after
   * the common ones, in order; they add up to {@link OneWay#latency()}.
   */
  public Map<Component, SimDuration> analyze(OneWay message, List<Share> shares) {
    List<TraceRecord> events = message.events();
    int firstHardware = -1;
    int lastHardware = -1;
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).label().startsWith(RESUME)) {
        if (firstHardware < 0) {
          firstHardware = i;
        }
        lastHardware = i;
      }
    }
    EnumMap<Component, Long> picos = new EnumMap<>(Component.class);
    long boundary = message.sendStart().picos();
    for (int i = 0; i < events.size(); i++) {
      TraceRecord e = events.get(i);
      Component c = componentOf(e, i, firstHardware, lastHardware, message);
      if (c != null && e.picos() >= boundary) {
        picos.merge(c, e.picos() - boundary, Long::sum);
        boundary = e.picos();
      }
    }
    picos.merge(lastHardware < 0 ? Component.OTHER : Component.RECEIVER,
        message.seen().picos() - boundary, Long::sum);
    List<Share> all = new ArrayList<>();
    all.add(new Share(Component.SENDER, Component.SYSTEM_CALLS,
        trapEntry.times(message.senderSystemCalls())));
    all.add(new Share(Component.SENDER, Component.BUS_SNOOP,
        busWriteTime.times(message.senderCounter("xpress.writes"))));
    all.addAll(shares);
    for (Share s : all) {
      long moved = Math.min(picos.getOrDefault(s.from(), 0L), s.amount().picos());
      picos.merge(s.from(), -moved, Long::sum);
      picos.merge(s.to(), moved, Long::sum);
    }
    EnumMap<Component, SimDuration> result = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      result.put(c, SimDuration.ofPicos(picos.getOrDefault(c, 0L)));
    }
    return result;
  }

  /** The component event {@code i} closes an interval for, or null when it is skipped. */
  private static Component componentOf(TraceRecord e, int i, int firstHardware,
      int lastHardware, OneWay message) {
    String label = e.label();
    if (!label.startsWith(RESUME)) {
      return classify(label);
    }
    String process = label.substring(RESUME.length());
    if (firstHardware < 0 || i < firstHardware) {
      return process.equals(message.sender()) && e.picos() <= message.sendReturn().picos()
          ? Component.SENDER : null;
    }
    if (i > lastHardware && (process.equals(message.receiver())
        || process.startsWith(message.receiver() + "/"))) {
      return Component.RECEIVER;
    }
    return null;
  }
}
