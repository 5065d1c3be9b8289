package org.vmmc.hardware.shrimp2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.BusWrite;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.SimulatorBugException;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.nic.Packetizer;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

/**
 * The outgoing FIFO with its combining logic and the automatic-update side of the packetizer
 * (design reference, sections 4.2 and 4.3). The snoop logic puts each store to a bound frame
 * in as (address, data); the combining logic groups consecutive stores into packets as the
 * frame's {@link CombiningMode} says; each closed packet gets its header from the frame's
 * {@link AutomaticUpdateTable} entry and goes to the {@link Packetizer}, ready once it has
 * passed the snoop logic's latency.
 *
 * <p>A store holds its FIFO entry until its packet has been injected into the network, so a
 * network that pushes back fills the FIFO, and a full FIFO stalls the next bus write to a bound
 * frame ({@link SnoopLogic}). Entries are taken in bus order and packets close in that order;
 * a packet carries the values as they were stored, not as memory holds them later. So no
 * store is ever lost or reordered.
 *
 * <p>Closing rules: a store that does not start where the open packet ends (another address,
 * another frame or binding) closes it first; a packet that can grow no further (the size limit
 * {@link Shrimp2Parameters#maxPacketPayload()} or the end of its page) closes at once, as does
 * every packet under {@code SINGLE_WRITE} or of a notifying binding (so each notified store
 * raises its own notification at the receiver), and the open packet when the FIFO fills up.
 * Under {@code TIMER_WRITE} the flush timer closes it once no store has joined it for
 * {@link Shrimp2Parameters#combiningTimerCycles()}. {@link #flush()} (a deliberate update
 * starts) and {@link #flush(FrameNumber)} (a binding ends) close it too.
 */
final class OutgoingFifo {
  private final Simulator sim;
  private final NodeId node;
  private final MemoryGeometry geometry;
  private final Packetizer packetizer;
  private final int capacity;
  private final int maxPayload;
  private final SimDuration snoopLatency;
  private final SimDuration timer;
  private final AutomaticUpdateCounters counters;
  /** A combining timer running out: the wait for further stores, then the packet closes. */
  private final TracePoint timerRanOut;
  private final Signal space;
  private final Map<Long, Integer> heldByFrame = new HashMap<>();
  private final Map<Long, List<Runnable>> drainWaiters = new HashMap<>();
  private int occupied;
  private OpenPacket open;

  /** The packet being combined: consecutive stores to one bound frame. */
  private static final class OpenPacket {
    final FrameNumber frame;
    final AutomaticUpdateTable.Entry entry;
    final long start;
    final int limit;
    byte[] data = new byte[16];
    int length;
    int entries;
    SimTime deadline;
    boolean timerPending;

    OpenPacket(FrameNumber frame, AutomaticUpdateTable.Entry entry, long start, int limit) {
      this.frame = frame;
      this.entry = entry;
      this.start = start;
      this.limit = limit;
    }

    boolean continuedBy(AutomaticUpdateTable.Entry e, long address, int size) {
      return entry == e && address == start + length && length + size <= limit;
    }

    void append(BusWrite write) {
      if (length + write.size() > data.length) {
        data = Arrays.copyOf(data, Math.min(limit, 2 * data.length));
      }
      for (int i = 0; i < write.size(); i++) {
        data[length + i] = (byte) (write.value() >>> (8 * i));
      }
      length += write.size();
      entries++;
    }

    boolean isFull() {
      return length == limit;
    }
  }

  OutgoingFifo(Simulator sim, NodeId node, MemoryGeometry geometry, Packetizer packetizer,
      Shrimp2Parameters parameters, AutomaticUpdateCounters counters) {
    this.sim = sim;
    this.node = node;
    this.geometry = geometry;
    this.packetizer = packetizer;
    this.capacity = parameters.outgoingFifoWords();
    this.maxPayload = parameters.maxPacketPayload();
    this.snoopLatency = parameters.cycles(parameters.snoopCycles());
    this.timer = parameters.cycles(parameters.combiningTimerCycles());
    this.counters = counters;
    this.timerRanOut = TracePoint.of(Stage.COMBINING_WAIT, node, "au combining timer");
    this.space = sim.stallSignal("node " + node.value() + " outgoing FIFO space");
  }

  /** True when the FIFO has no free entry. */
  boolean isFull() {
    return occupied >= capacity;
  }

  /** Signalled whenever entries are freed. */
  Signal space() {
    return space;
  }

  /** Takes {@code write} to bound {@code frame} with {@code entry}; the FIFO must have room. */
  void push(BusWrite write, FrameNumber frame, AutomaticUpdateTable.Entry entry) {
    if (isFull()) {
      throw new SimulatorBugException("node " + node.value() + " outgoing FIFO overflow: "
          + write + " arrived with all " + capacity + " entries taken; the snoop logic must"
          + " stall it");
    }
    occupied++;
    heldByFrame.merge(frame.value(), 1, Integer::sum);
    counters.words().increment();
    long address = write.address().value();
    if (open != null && !open.continuedBy(entry, address, write.size())) {
      close();
    }
    if (open == null) {
      int room = Math.min(maxPayload, geometry.pageSize() - geometry.offsetInPage(address));
      open = new OpenPacket(frame, entry, address, room);
    }
    open.append(write);
    if (entry.mode() == CombiningMode.SINGLE_WRITE || entry.notifies() || open.isFull()
        || isFull()) {
      close();
    } else if (entry.mode() == CombiningMode.TIMER_WRITE) {
      restartTimer();
    }
  }

  /** Closes the open packet, whatever its frame. */
  void flush() {
    syncCaller();
    if (open != null) {
      close();
    }
  }

  /** Closes the open packet if it holds stores to {@code frame}. */
  void flush(FrameNumber frame) {
    syncCaller();
    if (open != null && open.frame.equals(frame)) {
      close();
    }
  }

  /** Runs {@code action} once no store to {@code frame} is left in the FIFO. */
  void whenDrained(FrameNumber frame, Runnable action) {
    if (heldByFrame.getOrDefault(frame.value(), 0) == 0) {
      action.run();
    } else {
      drainWaiters.computeIfAbsent(frame.value(), k -> new ArrayList<>()).add(action);
    }
  }

  /** A process that ran ahead (a kernel call) catches up first, so the timer is not outrun. */
  private void syncCaller() {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
  }

  private void restartTimer() {
    OpenPacket packet = open;
    packet.deadline = sim.now().plus(timer);
    if (!packet.timerPending) {
      packet.timerPending = true;
      sim.scheduleAt(packet.deadline, timerRanOut, () -> timerExpired(packet));
    }
  }

  /** One pending event per packet: a store that restarts the timer moves the deadline only. */
  private void timerExpired(OpenPacket packet) {
    if (open != packet) {
      return;
    }
    if (packet.deadline.isAfter(sim.now())) {
      sim.scheduleAt(packet.deadline, timerRanOut, () -> timerExpired(packet));
      return;
    }
    close();
  }

  private void close() {
    OpenPacket o = open;
    open = null;
    AutomaticUpdateTable.Entry e = o.entry;
    PhysicalAddress destination =
        geometry.baseOf(e.destinationFrame()).plus(geometry.offsetInPage(o.start));
    Set<PacketFlag> flags = e.notifies()
        ? EnumSet.of(PacketFlag.AUTOMATIC_UPDATE, PacketFlag.NOTIFY)
        : EnumSet.of(PacketFlag.AUTOMATIC_UPDATE);
    Packet packet = new Packet(node, e.destination(), destination,
        Arrays.copyOf(o.data, o.length), flags);
    counters.packetSent(o.length);
    packetizer.submit(packet, sim.now().plus(snoopLatency), () -> release(o.frame, o.entries));
  }

  private void release(FrameNumber frame, int entries) {
    occupied -= entries;
    counters.wordsInjected().add(entries);
    int left = heldByFrame.merge(frame.value(), -entries, Integer::sum);
    if (left == 0) {
      heldByFrame.remove(frame.value());
      List<Runnable> waiting = drainWaiters.remove(frame.value());
      if (waiting != null) {
        waiting.forEach(Runnable::run);
      }
    }
    space.signalAll();
  }
}
