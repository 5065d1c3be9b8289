package org.vmmc.hardware.nic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

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
 * The outgoing DMA engine of a user-level send (design reference, sections 4.1 and 4.2:
 * SHRIMP-I's outgoing DMA engine, SHRIMP-II's deliberate-update engine). It holds the transfers
 * that sends started, the one it works on and {@code queueDepth} more; a start while it is full
 * is the caller's to refuse ({@link #isFull}). After its start delay it reads the head
 * transfer's source from memory by DMA over the EISA bus, at most {@code maxPayload} bytes at a
 * time, and hands each piece as one deliberate-update packet to the {@link Packetizer}, waiting
 * while the packetizer's FIFO is full, so reading the next packet overlaps the injection of the
 * previous one. The last packet of a transfer that asks for a notification carries the flag.
 *
 * <p>A transfer is <em>locally complete</em> once its last byte has been read from memory (the
 * sender may reuse its buffer; {@link #progress} is signalled), and <em>drained</em> once the
 * packetizer has injected its last packet. Each transfer names the outgoing table entry it was
 * started through, so that revoking entries can wait for the transfers through them
 * ({@link #whenDrained}); and freeing a frame can wait for the transfers that still have to read
 * it ({@link #whenSourceQuiet}). A transfer never crosses a page on either side: the design's
 * start logic checks that.
 */
public final class OutgoingDmaEngine {
  /** One started transfer: at most a page on each side. */
  private record Transfer(long ticket, PhysicalAddress source, NodeId destinationNode,
      PhysicalAddress destination, int length, boolean notifies, int entry) {}

  private record DrainWaiter(List<Integer> entries, Runnable action) {}

  /** An action waiting for transfer {@code ticket}, the last one reading a frame, to complete. */
  private record QuietWaiter(long ticket, Runnable action) {}

  private static final Runnable NOTHING = () -> { };

  private final Simulator sim;
  private final NodeId node;
  private final IoBus eisa;
  private final PhysicalMemory memory;
  private final Packetizer packetizer;
  private final SimDuration startDelay;
  private final int capacity;
  private final int maxPayload;
  private final Counter packetsSent;
  private final Counter bytesSent;
  private final TracePoint started;
  private final TracePoint read;
  private final ArrayDeque<Transfer> queue = new ArrayDeque<>();
  private final Map<Integer, Integer> outstanding = new HashMap<>();
  private final List<DrainWaiter> drainWaiters = new ArrayList<>();
  private final List<QuietWaiter> quietWaiters = new ArrayList<>();
  private final Signal progress;
  private boolean working;
  private int done;
  private long nextTicket;
  private long completedTickets;

  /**
   * An engine for {@code node} that reads {@code memory} over {@code eisa} into
   * {@code packetizer}: {@code startDelay} before it asks for the bus for each transfer, at most
   * {@code maxPayload} bytes a packet, {@code queueDepth} transfers held besides the one in
   * progress. It counts each packet and its payload into {@code packetsSent} and
   * {@code bytesSent}, traces the start delay as the node's {@link Stage#NIC_LOGIC} under the
   * text {@code startLabel} and each read as its {@link Stage#IO_BUS_DMA} under
   * {@code readLabel}, and names its progress signal after {@code name} (such as "SHRIMP-I
   * outgoing DMA").
   */
  public OutgoingDmaEngine(Simulator sim, NodeId node, IoBus eisa, PhysicalMemory memory,
      Packetizer packetizer, SimDuration startDelay, int queueDepth, int maxPayload,
      Counter packetsSent, Counter bytesSent, String name, String startLabel,
      String readLabel) {
    checkArgument(queueDepth >= 0, "an outgoing DMA engine's queue depth must not be negative:"
        + " %s transfers", queueDepth);
    checkArgument(maxPayload > 0, "an outgoing DMA engine must put at least 1 byte in a packet,"
        + " not %s", maxPayload);
    this.sim = requireNonNull(sim, "sim");
    this.node = requireNonNull(node, "node");
    this.eisa = requireNonNull(eisa, "eisa");
    this.memory = requireNonNull(memory, "memory");
    this.packetizer = requireNonNull(packetizer, "packetizer");
    this.startDelay = requireNonNull(startDelay, "startDelay");
    this.capacity = 1 + queueDepth;
    this.maxPayload = maxPayload;
    this.packetsSent = requireNonNull(packetsSent, "packetsSent");
    this.bytesSent = requireNonNull(bytesSent, "bytesSent");
    this.started = TracePoint.of(Stage.NIC_LOGIC, node, requireNonNull(startLabel, "startLabel"));
    this.read = TracePoint.of(Stage.IO_BUS_DMA, node, requireNonNull(readLabel, "readLabel"));
    this.progress = sim.signal("node " + node.value() + " " + name + " progress");
  }

  /** True when the engine holds as many transfers as it can: a start now must be refused. */
  public boolean isFull() {
    return queue.size() >= capacity;
  }

  /** Signalled whenever a transfer completes locally (so a slot is free). */
  public Signal progress() {
    return progress;
  }

  /** The ticket the next started transfer gets: tickets count transfers from 0. */
  public long nextTicket() {
    return nextTicket;
  }

  /** How many transfers have completed locally. */
  public long completedCount() {
    return completedTickets;
  }

  /** True once transfer {@code ticket} has been read from memory. */
  public boolean isComplete(long ticket) {
    return ticket < completedTickets;
  }

  /**
   * Queues a transfer of {@code length} bytes from local {@code source} to {@code destination}
   * at {@code destinationNode}, started through outgoing table entry {@code entry}; the last
   * packet asks for a notification when {@code notify} is set. The engine must not be full.
   * Returns the transfer's ticket.
   */
  public long start(PhysicalAddress source, NodeId destinationNode, PhysicalAddress destination,
      int length, boolean notify, int entry) {
    checkState(!isFull(), "node %s's outgoing DMA engine is full (%s transfers): the start"
        + " logic must answer busy", node.value(), capacity);
    checkArgument(length > 0, "a transfer must move at least 1 byte, not %s", length);
    Transfer t = new Transfer(nextTicket++, source, destinationNode, destination, length,
        notify, entry);
    queue.add(t);
    outstanding.merge(entry, 1, Integer::sum);
    if (!working) {
      working = true;
      done = 0;
      sim.schedule(startDelay, started, this::readNext);
    }
    return t.ticket();
  }

  /**
   * Runs {@code action} once no transfer started through any of {@code entries} is outstanding
   * (each has had its last packet injected), at once if none is.
   */
  public void whenDrained(List<Integer> entries, Runnable action) {
    DrainWaiter w = new DrainWaiter(List.copyOf(entries), requireNonNull(action, "action"));
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
  public void whenSourceQuiet(FrameNumber frame, Runnable action) {
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
    for (int e : w.entries()) {
      if (outstanding.getOrDefault(e, 0) > 0) {
        return false;
      }
    }
    return true;
  }

  private void readNext() {
    packetizer.whenSpace(() -> {
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
    packetizer.submit(packet, last ? () -> injectedLast(t) : NOTHING);
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
    outstanding.merge(t.entry(), -1, Integer::sum);
    for (Iterator<DrainWaiter> it = drainWaiters.iterator(); it.hasNext(); ) {
      DrainWaiter w = it.next();
      if (drained(w)) {
        it.remove();
        w.action().run();
      }
    }
  }
}
