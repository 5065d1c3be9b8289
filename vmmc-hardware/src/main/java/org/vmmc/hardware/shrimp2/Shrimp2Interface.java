package org.vmmc.hardware.shrimp2;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.MemoryBus;
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
 * One node's SHRIMP-II network interface board: the blocks of the design reference (section
 * 4.2) wired together. Deliberate update: UDMA engine, outgoing page table, and the
 * deliberate-update engine, which is the shared outgoing DMA engine cutting transfers into
 * packets of {@code maxPacketPayload}. Automatic update: snoop logic on the Xpress bus, the
 * automatic-update entries of the outgoing page table, outgoing FIFO with its combining logic.
 * Both feed the shared packetizer, whose FIFO arbitrates between them in submission order, and
 * the network interface chip. Receive: incoming page table and incoming DMA engine over EISA.
 */
@Singleton
final class Shrimp2Interface {
  final OutgoingPageTable outgoing;
  final IncomingPageTable incoming = new IncomingPageTable();
  final AutomaticUpdateTable automaticUpdate = new AutomaticUpdateTable();
  final Packetizer packetizer;
  final OutgoingFifo outgoingFifo;
  final OutgoingDmaEngine deliberateUpdate;
  final UdmaEngine udma;
  final IncomingDmaEngine receive;
  final DrainBarrier drain;
  final Shrimp2Parameters parameters;

  @Inject
  Shrimp2Interface(NodeId node, Simulator sim, PhysicalMemory memory, MemoryBus xpress,
      IoBus eisa, Backplane backplane, Shrimp2Parameters parameters,
      ArrivalInterruptPolicy interruptPolicy) {
    PayloadLimit.require(backplane, parameters.maxPacketPayload(), "SHRIMP-II",
        "Shrimp2Parameters.maxPacketPayload");
    this.parameters = parameters;
    Metrics m = sim.metrics();
    this.outgoing = new OutgoingPageTable(parameters.outgoingTableEntries());
    this.packetizer = new Packetizer(sim, backplane, node,
        parameters.cycles(parameters.packetizerCycles()), 2, "packetize");
    AutomaticUpdateCounters au = AutomaticUpdateCounters.of(m, node);
    this.outgoingFifo = new OutgoingFifo(sim, node, memory.geometry(), packetizer, parameters,
        au);
    xpress.subscribe(new SnoopLogic(memory.geometry(), automaticUpdate, outgoingFifo, au));
    this.deliberateUpdate = new OutgoingDmaEngine(sim, node, eisa, memory,
        packetizer, parameters.cycles(parameters.udmaStartCycles()),
        parameters.duQueueDepth(), parameters.maxPacketPayload(),
        m.counter(node, NicCounter.PACKETS_SENT), m.counter(node, NicCounter.BYTES_SENT),
        "deliberate-update engine", "du start", "du read");
    this.udma = new UdmaEngine(memory.geometry(), outgoing, deliberateUpdate, outgoingFifo,
        m.counter(node, Shrimp2Counter.UDMA_CANCELLED),
        m.counter(node, Shrimp2Counter.UDMA_INVALID),
        m.counter(node, Shrimp2Counter.UDMA_LATCH_REVOKED));
    this.drain = new DrainBarrier(node, packetizer::submitControl, m);
    this.receive = new IncomingDmaEngine(sim, node, backplane, eisa, memory, incoming,
        parameters.cycles(parameters.incomingCheckCycles()),
        parameters.incomingFifoPackets(), interruptPolicy,
        m.counter(node, NicCounter.PACKETS_RECEIVED), m.counter(node, NicCounter.PACKETS_DROPPED),
        m.counter(node, NicCounter.ARRIVALS_REFUSED), drain, "");
    backplane.attach(node, receive);
  }

  void connect(NicInterrupts interrupts) {
    receive.connect(interrupts);
  }
}
