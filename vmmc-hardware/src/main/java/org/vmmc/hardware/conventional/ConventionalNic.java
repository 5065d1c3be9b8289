package org.vmmc.hardware.conventional;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.nic.PayloadLimit;

/**
 * One node's conventional network interface card: DMA engines between kernel buffers and the
 * network over EISA, with no page tables and no user-level access. Every protection decision is
 * the kernel's.
 */
@Singleton
final class ConventionalNic {
  final OutgoingDma outgoing;
  final IncomingDma incoming;

  @Inject
  ConventionalNic(NodeId node, Simulator sim, IoBus eisa, Backplane backplane,
      ConventionalParameters parameters, PhysicalMemory memory) {
    // The kernel cuts a message where its destination crosses a page: packets of up to a page.
    PayloadLimit.require(backplane, memory.geometry().pageSize(), "conventional",
        "one page per packet");
    this.outgoing = new OutgoingDma(sim, node, eisa, backplane,
        parameters.cardClock().cycles(parameters.packetizerCycles()),
        parameters.kernelSendBuffers(), sim.metrics().counter(node, NicCounter.PACKETS_SENT),
        sim.metrics().counter(node, NicCounter.BYTES_SENT));
    this.incoming = new IncomingDma(sim, node, backplane, eisa,
        parameters.kernelReceiveBuffers(),
        sim.metrics().counter(node, NicCounter.ARRIVALS_REFUSED));
    backplane.attach(node, incoming);
  }
}
