package org.vmmc.hardware.shrimp2;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Metrics;

/**
 * One node's SHRIMP-II network interface board: the blocks of the design reference (section
 * 4.2) wired together. Deliberate update: UDMA engine, outgoing page table, deliberate-update
 * engine, arbiter and packetizer, network interface chip. Receive: incoming page table and
 * incoming DMA engine over EISA.
 */
@Singleton
final class Shrimp2Interface {
  final OutgoingPageTable outgoing;
  final IncomingPageTable incoming = new IncomingPageTable();
  final Arbiter arbiter;
  final DeliberateUpdateEngine deliberateUpdate;
  final UdmaEngine udma;
  final IncomingDmaEngine receive;
  final Shrimp2Parameters parameters;

  @Inject
  Shrimp2Interface(NodeId node, Simulator sim, PhysicalMemory memory, IoBus eisa,
      Backplane backplane, Shrimp2Parameters parameters) {
    this.parameters = parameters;
    Metrics m = sim.metrics();
    String prefix = "node" + node.value() + ".nic.";
    this.outgoing = new OutgoingPageTable(parameters.outgoingTableEntries());
    this.arbiter = new Arbiter(sim, backplane, node,
        parameters.clock().cycles(parameters.packetizerCycles()), 2);
    this.deliberateUpdate = new DeliberateUpdateEngine(sim, node, eisa, memory, arbiter,
        parameters.clock().cycles(parameters.udmaStartCycles()), parameters.duQueueDepth(),
        parameters.maxPacketPayload(), m.counter(prefix + "packets-sent"),
        m.counter(prefix + "bytes-sent"));
    this.udma = new UdmaEngine(memory.geometry(), outgoing, deliberateUpdate,
        m.counter(prefix + "udma-cancelled"), m.counter(prefix + "udma-invalid"));
    this.receive = new IncomingDmaEngine(sim, node, backplane, eisa, memory, incoming,
        parameters.clock().cycles(parameters.incomingCheckCycles()),
        parameters.incomingFifoPackets(), parameters.interruptEveryArrival(),
        m.counter(prefix + "packets-received"),
        m.counter(prefix + "packets-dropped"));
    backplane.attach(node, receive);
  }

  void connect(NicInterrupts interrupts) {
    receive.connect(interrupts);
  }
}
