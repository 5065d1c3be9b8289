package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

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
 * first hardware event (its CPU and library work, which resume it after each device
 * reference), the receiver's after the last one (the poll that sees the data); elsewhere they
 * run beside the message (the sender waiting for local completion) and are skipped. What
 * remains after the last event, up to the receiver's timestamp, is the receiver's. Work a
 * process charges to its own clock leaves no event, so two shares are moved by count: the
 * sender's system calls (its own count times the trap entry and exit cost) from its CPU share
 * to {@link Component#SYSTEM_CALLS}, and the sender node's memory bus writes (the bus counter
 * times the write time) to {@link Component#BUS_SNOOP}. The components add up to the latency
 * exactly.
 */
public final class TraceBreakdown {
  private static final String RESUME = "resume ";

  private final SimDuration trapCost;
  private final SimDuration busWriteTime;

  /**
   * A breakdown that charges {@code trapCost} per system call and {@code busWriteTime} per
   * memory bus write of the sender.
   */
  public TraceBreakdown(SimDuration trapCost, SimDuration busWriteTime) {
    this.trapCost = requireNonNull(trapCost, "trapCost");
    this.busWriteTime = requireNonNull(busWriteTime, "busWriteTime");
  }

  /** The breakdown with the costs of {@code config}'s CPU and memory bus. */
  public static TraceBreakdown of(MachineConfig config) {
    var cpu = config.hardware().cpu();
    return new TraceBreakdown(cpu.cycles(cpu.trapEntryCycles()).plus(cpu.cycles(
        cpu.trapExitCycles())),
        config.hardware().memoryBus().writeTime());
  }

  /**
   * The component a hardware event label belongs to, by keyword (case ignored): mesh; copy;
   * dma, eisa or "du read" (EISA DMA); snoop, xpress or "memory bus"; notification, interrupt
   * or upcall (receiver); du start, packetize, incoming check, udma, outgoing, combin, flush,
   * fifo or nic (NIC logic); anything else is {@link Component#OTHER}.
   */
  public static Component classify(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    if (l.contains("mesh")) {
      return Component.MESH;
    }
    if (l.contains("copy")) {
      return Component.COPIES;
    }
    if (l.contains("dma") || l.contains("eisa") || l.contains("du read")) {
      return Component.EISA_DMA;
    }
    if (l.contains("snoop") || l.contains("xpress") || l.contains("memory bus")) {
      return Component.BUS_SNOOP;
    }
    if (l.contains("notification") || l.contains("interrupt") || l.contains("upcall")) {
      return Component.RECEIVER;
    }
    for (String nic : List.of("du start", "packetize", "incoming check", "udma", "outgoing",
        "combin", "flush", "fifo", "nic")) {
      if (l.contains(nic)) {
        return Component.NIC;
      }
    }
    return Component.OTHER;
  }

  /** The components of {@code message}'s latency; they add up to {@link OneWay#latency()}. */
  public Map<Component, SimDuration> analyze(OneWay message) {
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
      Component c = componentOf(e.label(), i, firstHardware, lastHardware, message);
      if (c != null && e.picos() >= boundary) {
        picos.merge(c, e.picos() - boundary, Long::sum);
        boundary = e.picos();
      }
    }
    picos.merge(lastHardware < 0 ? Component.OTHER : Component.RECEIVER,
        message.seen().picos() - boundary, Long::sum);
    long sender = picos.getOrDefault(Component.SENDER, 0L);
    long calls = Math.min(sender, message.senderSystemCalls() * trapCost.picos());
    sender -= calls;
    long writes = message.counter("node" + message.senderNode().value() + ".xpress.writes");
    long bus = Math.min(sender, writes * busWriteTime.picos());
    sender -= bus;
    picos.put(Component.SENDER, sender);
    picos.merge(Component.SYSTEM_CALLS, calls, Long::sum);
    picos.merge(Component.BUS_SNOOP, bus, Long::sum);
    EnumMap<Component, SimDuration> result = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      result.put(c, SimDuration.ofPicos(picos.getOrDefault(c, 0L)));
    }
    return result;
  }

  /** The component event {@code i} closes an interval for, or null when it is skipped. */
  private static Component componentOf(String label, int i, int firstHardware, int lastHardware,
      OneWay message) {
    if (!label.startsWith(RESUME)) {
      return classify(label);
    }
    String process = label.substring(RESUME.length());
    if (firstHardware < 0 || i < firstHardware) {
      return process.equals(message.sender()) ? Component.SENDER : null;
    }
    if (i > lastHardware && (process.equals(message.receiver())
        || process.startsWith(message.receiver() + "/"))) {
      return Component.RECEIVER;
    }
    return null;
  }
}
