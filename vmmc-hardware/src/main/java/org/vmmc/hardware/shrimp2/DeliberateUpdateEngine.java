package org.vmmc.hardware.shrimp2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * The deliberate-update engine: reads a started transfer's source from memory by DMA over the
 * EISA bus, a packet's worth at a time, and hands each packet to the arbiter. A transfer is
 * locally complete when its last byte has been read from memory: the sender may then reuse
 * its buffer. Reading the next packet overlaps the injection of the previous one.
 */
final class DeliberateUpdateEngine {
  private record DrainWaiter(int first, int count, Runnable action) {}

  /** An action waiting for transfer {@code ticket}, the last one reading a frame, to complete. */
  private record QuietWaiter(long ticket, Runnable action) {}

  private final Simulator sim;
  private final NodeId node;
  private final IoBus eisa;
  private final PhysicalMemory memory;
  private final Arbiter arbiter;
  private final SimDuration startDelay;
  private final TracePoint started;
  private final TracePoint read;
  private final int capacity;
  private final int maxPayload;
  private final Counter packetsSent;
  private final Counter bytesSent;
  private final ArrayDeque<Transfer> queue = new ArrayDeque<>();
  private final Map<Integer, Integer> outstanding = new HashMap<>();
  private final List<DrainWaiter> drainWaiters = new ArrayList<>();
  private final List<QuietWaiter> quietWaiters = new ArrayList<>();
  private final Signal progress;
  private boolean working;
  private int done;
  private long nextTicket;
  private long completedTickets;

  DeliberateUpdateEngine(Simulator sim, NodeId node, IoBus eisa, PhysicalMemory memory,
      Arbiter arbiter, SimDuration startDelay, int queueDepth, int maxPayload,
      Counter packetsSent, Counter bytesSent) {
    this.sim = sim;
    this.node = node;
    this.eisa = eisa;
    this.memory = memory;
    this.arbiter = arbiter;
    this.startDelay = startDelay;
    this.started = TracePoint.of(Stage.NIC_LOGIC, node, "du start");
    this.read = TracePoint.of(Stage.IO_BUS_DMA, node, "du read");
    this.capacity = 1 + queueDepth;
    this.maxPayload = maxPayload;
    this.packetsSent = packetsSent;
    this.bytesSent = bytesSent;
    this.progress = sim.signal("node " + node.value() + " deliberate-update engine progress");
  }

  boolean isFull() {
    return queue.size() >= capacity;
  }

  /** Signalled whenever a transfer completes locally (so a slot is free). */
  Signal progress() {
    return progress;
  }

  /** How many transfers have completed locally. */
  long completedCount() {
    return completedTickets;
  }

  /** True once transfer {@code ticket} has left local memory. */
  boolean isComplete(long ticket) {
    return ticket < completedTickets;
  }

  long start(PhysicalAddress source, NodeId destinationNode, PhysicalAddress destination,
      int length, boolean notify, int tableIndex) {
    Transfer t = new Transfer(nextTicket++, source, destinationNode, destination, length, notify,
        tableIndex);
    queue.add(t);
    outstanding.merge(tableIndex, 1, Integer::sum);
    if (!working) {
      working = true;
      done = 0;
      sim.schedule(startDelay, started, this::readNext);
    }
    return t.ticket();
  }

  /** Runs {@code action} once no transfer through entries [first, first+count) is outstanding. */
  void whenDrained(int first, int count, Runnable action) {
    DrainWaiter w = new DrainWaiter(first, count, action);
    if (drained(w)) {
      action.run();
    } else {
      drainWaiters.add(w);
    }
  }

  /**
   * Runs {@code action} once no queued or running transfer still has to read {@code frame}
   * (a transfer's source never crosses a page), at once if none does.
   */
  void whenSourceQuiet(FrameNumber frame, Runnable action) {
    long last = -1;
    for (Transfer t : queue) {
      if (memory.geometry().frameOf(t.source()).equals(frame)) {
        last = t.ticket();
      }
    }
    if (last < 0) {
      action.run();
    } else {
      quietWaiters.add(new QuietWaiter(last, action));
    }
  }

  private boolean drained(DrainWaiter w) {
    for (int i = w.first(); i < w.first() + w.count(); i++) {
      if (outstanding.getOrDefault(i, 0) > 0) {
        return false;
      }
    }
    return true;
  }

  private void readNext() {
    arbiter.whenSpace(() -> {
      Transfer t = queue.peek();
      int chunk = Math.min(maxPayload, t.length() - done);
      sim.scheduleAt(eisa.reserve(chunk), read, () -> chunkRead(t, chunk));
    });
  }

  private void chunkRead(Transfer t, int chunk) {
    byte[] data = new byte[chunk];
    memory.read(t.source().plus(done), data, 0, chunk);
    boolean last = done + chunk == t.length();
    Set<PacketFlag> flags = last && t.notifies()
        ? Set.of(PacketFlag.DELIBERATE_UPDATE, PacketFlag.NOTIFY)
        : Set.of(PacketFlag.DELIBERATE_UPDATE);
    Packet packet = new Packet(node, t.destinationNode(), t.destination().plus(done), data,
        flags);
    packetsSent.increment();
    bytesSent.add(chunk);
    arbiter.submit(packet, last ? () -> injectedLast(t) : () -> { });
    done += chunk;
    if (!last) {
      readNext();
      return;
    }
    queue.poll();
    completedTickets = t.ticket() + 1;
    progress.signalAll();
    if (!quietWaiters.isEmpty()) {
      runQuietWaiters();
    }
    done = 0;
    if (queue.isEmpty()) {
      working = false;
    } else {
      sim.schedule(startDelay, started, this::readNext);
    }
  }

  private void runQuietWaiters() {
    for (Iterator<QuietWaiter> it = quietWaiters.iterator(); it.hasNext(); ) {
      QuietWaiter w = it.next();
      if (isComplete(w.ticket())) {
        it.remove();
        w.action().run();
      }
    }
  }

  private void injectedLast(Transfer t) {
    outstanding.merge(t.tableIndex(), -1, Integer::sum);
    for (Iterator<DrainWaiter> it = drainWaiters.iterator(); it.hasNext(); ) {
      DrainWaiter w = it.next();
      if (drained(w)) {
        it.remove();
        w.action().run();
      }
    }
  }
}
