package org.vmmc.hardware.shrimp1;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Metrics;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.nic.IncomingDmaEngine;
import org.vmmc.hardware.nic.IncomingPageTable;
import org.vmmc.hardware.nic.OutgoingDmaEngine;
import org.vmmc.hardware.nic.Packetizer;
import org.vmmc.hardware.nic.PayloadLimit;

/**
 * One node's SHRIMP-I network interface card (design reference, section 4.1), wired together:
 * the shadow-address decoder, the outgoing page table over the send pages, and the shared
 * outgoing DMA engine and packetizer on the send side (a transfer is at most one page, so one
 * packet); the incoming page table and incoming DMA engine over EISA on the receive side.
 * There is no snooper on the memory bus.
 */
@Singleton
final class Shrimp1Interface {
  final Shrimp1Parameters parameters;
  final SendPagePool pool;
  final OutgoingPageTable outgoing;
  final IncomingPageTable incoming = new IncomingPageTable();
  final OutgoingDmaEngine engine;
  final ShadowAddressDecoder shadow;
  final IncomingDmaEngine receive;
  final DrainBarrier drain;

  @Inject
  Shrimp1Interface(NodeId node, Simulator sim, PhysicalMemory memory, IoBus eisa,
      Backplane backplane, Shrimp1Parameters parameters,
      ArrivalInterruptPolicy interruptPolicy) {
    checkArgument(parameters.firstSendPageFrame() + parameters.sendPages()
            <= memory.frameCount(),
        "the SHRIMP-I send-page pool (frames %s to %s) lies outside the node's %s frames",
        parameters.firstSendPageFrame(),
        parameters.firstSendPageFrame() + parameters.sendPages() - 1, memory.frameCount());
    // A transfer is one packet of up to a page (it never crosses one).
    PayloadLimit.require(backplane, memory.geometry().pageSize(), "SHRIMP-I",
        "one page per transfer");
    this.parameters = parameters;
    Metrics m = sim.metrics();
    this.pool = new SendPagePool(parameters.firstSendPageFrame(), parameters.sendPages());
    this.outgoing = new OutgoingPageTable(parameters.sendPages());
    Packetizer packetizer = new Packetizer(sim, backplane, node,
        parameters.clock().cycles(parameters.packetizerCycles()), 2, "shrimp1 packetize");
    this.engine = new OutgoingDmaEngine(sim, node, eisa, memory, packetizer,
        parameters.clock().cycles(parameters.startCycles()), parameters.sendQueueDepth(),
        memory.geometry().pageSize(), m.counter(node, NicCounter.PACKETS_SENT),
        m.counter(node, NicCounter.BYTES_SENT), "SHRIMP-I outgoing DMA", "shrimp1 dma start",
        "shrimp1 dma read");
    this.shadow = new ShadowAddressDecoder(memory.geometry(), pool, outgoing, engine,
        m.counter(node, Shrimp1Counter.SHADOW_BUSY),
        m.counter(node, Shrimp1Counter.SHADOW_INVALID),
        m.counter(node, Shrimp1Counter.SHADOW_STORES_IGNORED));
    this.drain = new DrainBarrier(node, packetizer::submitControl, m);
    this.receive = new IncomingDmaEngine(sim, node, backplane, eisa, memory, incoming,
        parameters.clock().cycles(parameters.incomingCheckCycles()),
        parameters.incomingFifoPackets(), interruptPolicy,
        m.counter(node, NicCounter.PACKETS_RECEIVED), m.counter(node, NicCounter.PACKETS_DROPPED),
        m.counter(node, NicCounter.ARRIVALS_REFUSED), drain, "shrimp1 ");
    backplane.attach(node, receive);
  }

  void connect(NicInterrupts interrupts) {
    receive.connect(interrupts);
  }
}
