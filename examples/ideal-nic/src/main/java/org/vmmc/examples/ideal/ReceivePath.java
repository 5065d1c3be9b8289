package org.vmmc.examples.ideal;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.nic.IncomingPageTable;

/**
 * The ideal receive path: it takes every packet the moment its tail arrives and, at that same
 * instant, checks the incoming page table and writes the payload into memory, with no bus time
 * (design reference, section 4.4, at zero cost). A packet for a frame not enabled is dropped,
 * counted and reported by an error interrupt; once a packet's data is in memory, the node's
 * {@link ArrivalInterruptPolicy} raises its interrupt, if any (by default a notification where
 * the packet asks for one and the frame allows it, and no other interrupt at all). Packets are handled in arrival order, so a drain marker finds every
 * earlier packet written or refused and is answered through the {@link DrainBarrier}.
 *
 * <p>Each arrival is handled in an event of its own at the arrival's instant rather than inside
 * the backplane's delivery, so that the acknowledgement a marker asks for is injected outside the
 * backplane's cycle.
 */
final class ReceivePath implements PacketReceiver {
  private final Simulator sim;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final IncomingPageTable incoming;
  private final DrainBarrier drain;
  private final Counter received;
  private final Counter dropped;
  /** An arrival handled: the interface's own logic, at no cost. */
  private final TracePoint taken;
  private final ArrivalInterruptPolicy interruptPolicy;
  private NicInterrupts interrupts;

  ReceivePath(Simulator sim, NodeId node, PhysicalMemory memory, IncomingPageTable incoming,
      DrainBarrier drain, Counter received, Counter dropped,
      ArrivalInterruptPolicy interruptPolicy) {
    this.sim = sim;
    this.taken = TracePoint.of(Stage.NIC_LOGIC, node, "ideal receive");
    this.memory = memory;
    this.geometry = memory.geometry();
    this.incoming = incoming;
    this.drain = drain;
    this.received = received;
    this.dropped = dropped;
    this.interruptPolicy = interruptPolicy;
  }

  /** Connects the path's interrupts to the kernel. */
  void connect(NicInterrupts kernel) {
    this.interrupts = kernel;
  }

  @Override
  public boolean offer(Packet packet) {
    sim.schedule(SimDuration.ZERO, taken, () -> take(packet));
    return true;
  }

  private void take(Packet p) {
    if (DrainBarrier.isControl(p)) {
      drain.received(p);
      return;
    }
    FrameNumber frame = geometry.frameOf(p.destinationAddress());
    if (!incoming.receiveEnabled(frame)) {
      dropped.increment();
      interrupts.droppedPacket(p.source(), p.destinationAddress(), p.payloadLength());
      return;
    }
    byte[] payload = p.payload();
    memory.write(p.destinationAddress(), payload, 0, payload.length);
    received.increment();
    interruptPolicy.written(p, incoming.interruptEnabled(frame), interrupts);
  }
}
