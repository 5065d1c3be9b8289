package org.vmmc.hardware.shrimp2;

import java.util.ArrayDeque;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;

/**
 * The receive path: the network interface chip takes arriving packets into its incoming FIFO
 * (refusing them while it is full, which pushes back into the mesh); the incoming page table
 * is checked; a packet for a frame not enabled for receiving is dropped, counted and reported
 * by an error interrupt; otherwise the incoming DMA engine writes the data into memory over
 * the EISA bus and, if the packet asks for a notification and the frame allows interrupts,
 * interrupts the kernel (for every packet, when {@code interruptEveryArrival} is set). Packets
 * are written in arrival order.
 */
final class IncomingDmaEngine implements PacketReceiver {
  private final Simulator sim;
  private final NodeId node;
  private final Backplane backplane;
  private final IoBus eisa;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final IncomingPageTable incoming;
  private final SimDuration check;
  private final int fifoCapacity;
  private final boolean interruptEveryArrival;
  private final Counter received;
  private final Counter dropped;
  private final ArrayDeque<Packet> fifo = new ArrayDeque<>();
  private NicInterrupts interrupts;
  private boolean busy;
  private boolean refused;

  IncomingDmaEngine(Simulator sim, NodeId node, Backplane backplane, IoBus eisa,
      PhysicalMemory memory, IncomingPageTable incoming, SimDuration check, int fifoCapacity,
      boolean interruptEveryArrival, Counter received, Counter dropped) {
    this.sim = sim;
    this.node = node;
    this.backplane = backplane;
    this.eisa = eisa;
    this.memory = memory;
    this.geometry = memory.geometry();
    this.incoming = incoming;
    this.check = check;
    this.fifoCapacity = fifoCapacity;
    this.interruptEveryArrival = interruptEveryArrival;
    this.received = received;
    this.dropped = dropped;
  }

  void connect(NicInterrupts interrupts) {
    this.interrupts = interrupts;
  }

  @Override
  public boolean offer(Packet packet) {
    if (fifo.size() >= fifoCapacity) {
      refused = true;
      return false;
    }
    fifo.add(packet);
    pump();
    return true;
  }

  private void pump() {
    if (busy || fifo.isEmpty()) {
      return;
    }
    busy = true;
    sim.schedule(check, "incoming check", this::checkHead);
  }

  private void checkHead() {
    Packet p = fifo.peek();
    FrameNumber frame = geometry.frameOf(p.destinationAddress());
    if (!incoming.receiveEnabled(frame)) {
      dropped.increment();
      interrupts.droppedPacket(p.source(), p.destinationAddress(), p.payloadLength());
      finish();
      return;
    }
    sim.scheduleAt(eisa.reserve(p.payloadLength()), "incoming dma", () -> written(p, frame));
  }

  private void written(Packet p, FrameNumber frame) {
    if (!incoming.receiveEnabled(frame)) {
      // The kernel disabled the frame while the packet waited for the bus.
      dropped.increment();
      interrupts.droppedPacket(p.source(), p.destinationAddress(), p.payloadLength());
    } else {
      byte[] payload = p.payload();
      memory.write(p.destinationAddress(), payload, 0, payload.length);
      received.increment();
      if (interruptEveryArrival
          || (p.flags().contains(PacketFlag.NOTIFY) && incoming.interruptEnabled(frame))) {
        interrupts.notification(p.source(), p.destinationAddress(), payload.length);
      }
    }
    finish();
  }

  private void finish() {
    fifo.poll();
    busy = false;
    if (refused) {
      refused = false;
      backplane.resumeEjection(node);
    }
    pump();
  }
}
