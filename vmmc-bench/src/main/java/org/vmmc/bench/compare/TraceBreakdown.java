package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TraceRecord;

/**
 * Cuts one traced message's latency into {@link Component}s from the simulator's event trace
 * and the processes' own timestamps.
 *
 * <p>The method: the window runs from the sender's clock before it starts the message to the
 * receiver's clock when it sees the flag word. Each traced event in it closes an interval
 * (from the previous counted event) that is charged to the event's stage: the stage that ends
 * with the event is what the time went to. Every component declares the {@link Stage} of its
 * events, and {@link Component#of(Stage)} joins stages into components. Process resumptions
 * ({@link Stage#PROCESS}) are counted only where they are on the message's path: the sender's
 * before the first hardware event and before its send call returns (its CPU and library work,
 * which resume it after each device reference), the receiver's after the last hardware event
 * (the poll that sees the data); elsewhere they run beside the message (the sender waiting for
 * local completion or already polling for the reply) and are skipped. What remains after the
 * last event, up to the receiver's timestamp, is the receiver's.
 *
 * <p>Work a process or a kernel handler charges to a clock leaves no event, so some time is
 * moved between stages by count ({@link StageShare}): always the sender's system calls (their
 * count times the trap into the kernel; the way out comes after the message has been handed
 * over, so it is not on the path) to {@link Stage#SYSTEM_CALL}, and the sender node's memory
 * bus writes (the bus counter times the write time) to {@link Stage#MEMORY_BUS}; then whatever
 * the design's {@link org.vmmc.core.nic.NicPlugin#shares} say. A share moves at most what its source component
 * holds, so the components add up to the latency exactly.
 */
public final class TraceBreakdown {
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

  /** The components of {@code message}'s latency; they add up to {@link OneWay#latency()}. */
  public Map<Component, SimDuration> analyze(OneWay message) {
    return analyze(message, List.of());
  }

  /**
   * The components of {@code message}'s latency with the design's {@code shares} moved after
   * the common ones, in order; they add up to {@link OneWay#latency()}.
   */
  public Map<Component, SimDuration> analyze(OneWay message, List<StageShare> shares) {
    List<TraceRecord> events = message.events();
    int firstHardware = -1;
    int lastHardware = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).stage() != Stage.PROCESS) {
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
    List<StageShare> all = new ArrayList<>();
    all.add(new StageShare(Stage.PROCESS, Stage.SYSTEM_CALL,
        trapEntry.times(message.senderSystemCalls())));
    all.add(new StageShare(Stage.PROCESS, Stage.MEMORY_BUS,
        busWriteTime.times(message.senderCount(MemoryBusCounter.WRITES))));
    all.addAll(shares);
    for (StageShare s : all) {
      Component from = Component.of(s.from());
      Component to = Component.of(s.to());
      long moved = Math.min(picos.getOrDefault(from, 0L), s.amount().picos());
      picos.merge(from, -moved, Long::sum);
      picos.merge(to, moved, Long::sum);
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
    if (e.stage() != Stage.PROCESS) {
      return Component.of(e.stage());
    }
    String process = e.what();
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
