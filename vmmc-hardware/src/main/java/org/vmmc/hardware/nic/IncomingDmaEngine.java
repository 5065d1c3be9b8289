package org.vmmc.hardware.nic;

import static java.util.Objects.requireNonNull;

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
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * The receive path (design reference, section 4.4): the network interface chip takes arriving
 * packets into its incoming FIFO, refusing and counting them while it is full, so the mesh
 * holds them; the incoming page table is checked; a packet for a frame not enabled for
 * receiving is dropped, counted and reported by an error interrupt; otherwise the incoming DMA
 * engine writes the data into memory over the EISA bus, and the node's {@link
 * ArrivalInterruptPolicy} raises the interrupt, if any: by default a notification when the
 * packet asks for one and the frame allows interrupts. Packets are written in arrival order, so a
 * drain marker that reaches the head of the FIFO finds every earlier packet written or refused,
 * and is answered through the {@link DrainBarrier}.
 * The SHRIMP designs share it; the texts of its trace points carry the design's prefix.
 */
public final class IncomingDmaEngine implements PacketReceiver {
  private final Simulator sim;
  private final NodeId node;
  private final Backplane backplane;
  private final IoBus eisa;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final IncomingPageTable incoming;
  private final SimDuration check;
  private final int fifoCapacity;
  private final Counter received;
  private final Counter dropped;
  private final Counter refusals;
  private final ArrivalInterruptPolicy interruptPolicy;
  private final TracePoint checked;
  private final TracePoint written;
  private final TracePoint markerChecked;
  private final TracePoint ackChecked;
  private final DrainBarrier drain;
  private final ArrayDeque<Packet> fifo = new ArrayDeque<>();
  private NicInterrupts interrupts;
  private boolean busy;
  private boolean refused;

  /**
   * An engine for {@code node} that checks each packet against {@code incoming} for
   * {@code check}, buffers at most {@code fifoCapacity} packets, interrupts as {@code
   * interruptPolicy} decides (inject the node's bound one), counts into the three counters,
   * answers drain markers through {@code drain}, and starts the text of its trace points with
   * {@code tracePrefix} ("" or, say, "shrimp1 ").
   */
  public IncomingDmaEngine(Simulator sim, NodeId node, Backplane backplane, IoBus eisa,
      PhysicalMemory memory, IncomingPageTable incoming, SimDuration check, int fifoCapacity,
      ArrivalInterruptPolicy interruptPolicy, Counter received, Counter dropped, Counter refusals,
      DrainBarrier drain, String tracePrefix) {
    this.sim = sim;
    this.node = node;
    this.backplane = backplane;
    this.eisa = eisa;
    this.memory = memory;
    this.geometry = memory.geometry();
    this.incoming = incoming;
    this.check = check;
    this.fifoCapacity = fifoCapacity;
    this.received = received;
    this.dropped = dropped;
    this.refusals = refusals;
    this.interruptPolicy = requireNonNull(interruptPolicy, "interruptPolicy");
    this.checked = TracePoint.of(Stage.NIC_LOGIC, node, tracePrefix + "incoming check");
    this.written = TracePoint.of(Stage.IO_BUS_DMA, node, tracePrefix + "incoming dma");
    this.markerChecked = TracePoint.of(Stage.NIC_LOGIC, node, tracePrefix + "drain marker");
    this.ackChecked = TracePoint.of(Stage.NIC_LOGIC, node, tracePrefix + "drain ack");
    this.drain = drain;
  }

  /** Connects the engine's interrupts to the kernel. */
  public void connect(NicInterrupts kernel) {
    this.interrupts = kernel;
  }

  @Override
  public boolean offer(Packet packet) {
    if (fifo.size() >= fifoCapacity) {
      refusals.increment();
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
    Packet head = fifo.peek();
    TracePoint point = head.has(PacketFlag.DRAIN_MARKER) ? markerChecked
        : head.has(PacketFlag.DRAIN_ACK) ? ackChecked : checked;
    sim.schedule(check, point, this::checkHead);
  }

  private void checkHead() {
    Packet p = fifo.peek();
    if (DrainBarrier.isControl(p)) {
      // Every packet that arrived before it is written or refused: answer, or end the wait.
      drain.received(p);
      finish();
      return;
    }
    FrameNumber frame = geometry.frameOf(p.destinationAddress());
    if (!incoming.receiveEnabled(frame)) {
      drop(p);
      finish();
      return;
    }
    sim.scheduleAt(eisa.reserve(p.payloadLength()), written, () -> written(p, frame));
  }

  private void written(Packet p, FrameNumber frame) {
    if (!incoming.receiveEnabled(frame)) {
      // The kernel disabled the frame while the packet waited for the bus.
      drop(p);
    } else {
      byte[] payload = p.payload();
      memory.write(p.destinationAddress(), payload, 0, payload.length);
      received.increment();
      interruptPolicy.written(p, incoming.interruptEnabled(frame), interrupts);
    }
    finish();
  }

  private void drop(Packet p) {
    dropped.increment();
    interrupts.droppedPacket(p.source(), p.destinationAddress(), p.payloadLength());
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
