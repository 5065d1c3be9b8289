package org.vmmc.hardware.shrimp1;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.MemoryReader;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * The outgoing DMA engine: reads a started transfer's data from its send page by DMA over the
 * EISA bus and hands it to the packetizer as one packet (a transfer never crosses a page). A
 * transfer is locally complete once its data has been read from memory, so the send page may
 * be staged again; it is drained once the backplane has taken its packet.
 */
final class OutgoingDmaEngine {
  /** One started transfer: at most one page, from a send page to the frame it is mapped to. */
  private record Transfer(long ticket, PhysicalAddress source, NodeId destinationNode,
      PhysicalAddress destination, int length, boolean notifies, int entry) {}

  private record DrainWaiter(List<Integer> entries, Runnable action) {}

  private final Simulator sim;
  private final NodeId node;
  private final IoBus eisa;
  private final MemoryReader memory;
  private final Packetizer packetizer;
  private final SimDuration startDelay;
  private final TracePoint started;
  private final TracePoint read;
  private final int capacity;
  private final Counter packetsSent;
  private final Counter bytesSent;
  private final ArrayDeque<Transfer> queue = new ArrayDeque<>();
  private final int[] outstanding;
  private final List<DrainWaiter> drainWaiters = new ArrayList<>();
  private final Signal progress;
  private boolean working;
  private long nextTicket;
  private long completedTickets;

  OutgoingDmaEngine(Simulator sim, NodeId node, IoBus eisa, MemoryReader memory,
      Packetizer packetizer, SimDuration startDelay, int queueDepth, int entries,
      Counter packetsSent, Counter bytesSent) {
    this.sim = sim;
    this.node = node;
    this.eisa = eisa;
    this.memory = memory;
    this.packetizer = packetizer;
    this.startDelay = startDelay;
    this.started = TracePoint.of(Stage.NIC_LOGIC, node, "shrimp1 dma start");
    this.read = TracePoint.of(Stage.IO_BUS_DMA, node, "shrimp1 dma read");
    this.capacity = 1 + queueDepth;
    this.outstanding = new int[entries];
    this.packetsSent = packetsSent;
    this.bytesSent = bytesSent;
    this.progress = sim.signal("node " + node.value() + " SHRIMP-I outgoing DMA progress");
  }

  boolean isFull() {
    return queue.size() >= capacity;
  }

  /** Signalled whenever a transfer completes locally. */
  Signal progress() {
    return progress;
  }

  /** The ticket the next started transfer gets. */
  long nextTicket() {
    return nextTicket;
  }

  /** True once transfer {@code ticket} has been read from memory. */
  boolean isComplete(long ticket) {
    return ticket < completedTickets;
  }

  /** Queues a transfer, which must fit (see {@link #isFull}); returns its ticket. */
  long start(PhysicalAddress source, NodeId destinationNode, PhysicalAddress destination,
      int length, boolean notify, int entry) {
    Transfer t = new Transfer(nextTicket++, source, destinationNode, destination, length,
        notify, entry);
    queue.add(t);
    outstanding[entry]++;
    if (!working) {
      working = true;
      sim.schedule(startDelay, started, this::readHead);
    }
    return t.ticket();
  }

  /** Runs {@code action} once no transfer from send-page entries {@code entries} is outstanding. */
  void whenDrained(List<Integer> entries, Runnable action) {
    DrainWaiter w = new DrainWaiter(List.copyOf(entries), action);
    if (drained(w)) {
      action.run();
    } else {
      drainWaiters.add(w);
    }
  }

  private boolean drained(DrainWaiter w) {
    for (int e : w.entries()) {
      if (outstanding[e] > 0) {
        return false;
      }
    }
    return true;
  }

  private void readHead() {
    packetizer.whenSpace(() -> {
      Transfer t = queue.peek();
      sim.scheduleAt(eisa.reserve(t.length()), read, () -> read(t));
    });
  }

  private void read(Transfer t) {
    byte[] data = new byte[t.length()];
    memory.read(t.source(), data, 0, t.length());
    Set<PacketFlag> flags = t.notifies()
        ? Set.of(PacketFlag.DELIBERATE_UPDATE, PacketFlag.NOTIFY)
        : Set.of(PacketFlag.DELIBERATE_UPDATE);
    packetsSent.increment();
    bytesSent.add(t.length());
    packetizer.submit(new Packet(node, t.destinationNode(), t.destination(), data, flags),
        () -> injected(t));
    queue.poll();
    completedTickets = t.ticket() + 1;
    progress.signalAll();
    if (queue.isEmpty()) {
      working = false;
    } else {
      sim.schedule(startDelay, started, this::readHead);
    }
  }

  private void injected(Transfer t) {
    outstanding[t.entry()]--;
    for (Iterator<DrainWaiter> it = drainWaiters.iterator(); it.hasNext(); ) {
      DrainWaiter w = it.next();
      if (drained(w)) {
        it.remove();
        w.action().run();
      }
    }
  }
}
