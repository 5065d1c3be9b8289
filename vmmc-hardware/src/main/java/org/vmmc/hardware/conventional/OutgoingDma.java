package org.vmmc.hardware.conventional;

import java.util.ArrayDeque;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.Packetizer;

/**
 * The card's send side: the kernel leaves each packet, header and data, in one of its send
 * buffers and starts the card; the card reads the buffers in order by DMA over the EISA bus
 * and hands each packet to its packetizer (the shared one, holding a single packet), which
 * starts it into the network, waiting while the backplane pushes back. The card reads the next
 * buffer only once the packetizer has let go of the previous packet. A kernel buffer is free
 * again once the card has read it.
 */
final class OutgoingDma {
  private record Queued(Packet packet, ConventionalImportMapping mapping) {}

  private final Simulator sim;
  private final IoBus eisa;
  private final Packetizer packetizer;
  private final TracePoint readDone;
  private final int kernelBuffers;
  private final Counter packetsSent;
  private final Counter bytesSent;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private final Signal progress;
  private Queued reading;

  OutgoingDma(Simulator sim, NodeId node, IoBus eisa, Backplane backplane,
      SimDuration packetize, int kernelBuffers, Counter packetsSent, Counter bytesSent) {
    this.sim = sim;
    this.eisa = eisa;
    this.readDone = TracePoint.of(Stage.IO_BUS_DMA, node, "conventional dma read");
    this.packetizer = new Packetizer(sim, backplane, node, packetize, 1,
        "conventional packetize");
    this.kernelBuffers = kernelBuffers;
    this.packetsSent = packetsSent;
    this.bytesSent = bytesSent;
    this.progress = sim.signal("node " + node.value() + " kernel send buffers to free");
  }

  /** True when every kernel send buffer holds a packet the card has not read yet. */
  boolean isFull() {
    return queue.size() + (reading == null ? 0 : 1) >= kernelBuffers;
  }

  /** Signalled whenever the card has read a kernel send buffer. */
  Signal progress() {
    return progress;
  }

  /** The kernel has put {@code packet} in a free send buffer and starts the card on it. */
  void start(Packet packet, ConventionalImportMapping mapping) {
    mapping.packetQueued();
    queue.add(new Queued(packet, mapping));
    pump();
  }

  /**
   * The kernel has put a drain marker or acknowledgement, which belongs to no import, in a send
   * buffer behind every packet queued so far.
   */
  void startControl(Packet packet) {
    queue.add(new Queued(packet, null));
    pump();
  }

  private void pump() {
    if (reading != null || !packetizer.isIdle() || queue.isEmpty()) {
      return;
    }
    reading = queue.poll();
    sim.scheduleAt(eisa.reserve(reading.packet().wireBytes()), readDone, this::read);
  }

  private void read() {
    Queued read = reading;
    reading = null;
    if (read.mapping() != null) {
      // Drain markers and acknowledgements are counted by the barrier, not as data.
      packetsSent.increment();
      bytesSent.add(read.packet().payloadLength());
    }
    progress.signalAll();
    packetizer.submit(read.packet(), () -> injected(read));
  }

  private void injected(Queued done) {
    if (done.mapping() != null) {
      done.mapping().packetInjected();
    }
    pump();
  }
}
