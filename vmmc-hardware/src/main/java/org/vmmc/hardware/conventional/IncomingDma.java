package org.vmmc.hardware.conventional;

import org.vmmc.core.NodeId;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * The card's receive side: it takes an arriving packet only while the kernel has a free
 * receive buffer (otherwise it refuses and counts the refusal, and the mesh holds the packet),
 * writes the packet into that buffer by DMA over the EISA bus, and interrupts the kernel. The
 * card knows nothing of receive buffers or permissions: every arrival goes to the kernel.
 */
final class IncomingDma implements PacketReceiver {
  /** The kernel's handler of the card's arrival interrupt. */
  interface ArrivalInterrupt {
    /** {@code packet} is in a kernel receive buffer, which the kernel frees with bufferFreed. */
    void arrived(Packet packet);
  }

  private final Simulator sim;
  private final NodeId node;
  private final Backplane backplane;
  private final IoBus eisa;
  private final int kernelBuffers;
  private final Counter refusals;
  private final TracePoint written;
  private ArrivalInterrupt kernel;
  private int buffersInUse;
  private boolean refused;

  IncomingDma(Simulator sim, NodeId node, Backplane backplane, IoBus eisa, int kernelBuffers,
      Counter refusals) {
    this.sim = sim;
    this.node = node;
    this.backplane = backplane;
    this.eisa = eisa;
    this.kernelBuffers = kernelBuffers;
    this.refusals = refusals;
    this.written = TracePoint.of(Stage.IO_BUS_DMA, node, "conventional incoming dma");
  }

  void connect(ArrivalInterrupt handler) {
    this.kernel = handler;
  }

  @Override
  public boolean offer(Packet packet) {
    if (buffersInUse >= kernelBuffers) {
      refusals.increment();
      refused = true;
      return false;
    }
    buffersInUse++;
    sim.scheduleAt(eisa.reserve(packet.wireBytes()), written, () -> kernel.arrived(packet));
    return true;
  }

  /** The kernel has copied a packet out of its receive buffer. */
  void bufferFreed() {
    buffersInUse--;
    if (refused) {
      refused = false;
      backplane.resumeEjection(node);
    }
  }
}
