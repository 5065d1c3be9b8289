package org.vmmc.examples.ideal;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Metrics;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.nic.IncomingPageTable;
import org.vmmc.hardware.nic.PayloadLimit;

/**
 * One node's ideal network interface: an outgoing table behind the proxy pages, the port that
 * hands packets to the backplane, and the receive path with its incoming page table; the drain
 * barrier of the shipped designs makes revocations end to end. Only the backplane costs time.
 */
@Singleton
final class IdealInterface {
  final IdealParameters parameters;
  final OutgoingTable outgoing = new OutgoingTable();
  final IncomingPageTable incoming = new IncomingPageTable();
  final ProxyWindow proxies = new ProxyWindow();
  final SendPort port;
  final DrainBarrier drain;
  final ReceivePath receive;

  @Inject
  IdealInterface(NodeId node, Simulator sim, PhysicalMemory memory, Backplane backplane,
      IdealParameters parameters, ArrivalInterruptPolicy interruptPolicy) {
    PayloadLimit.require(backplane, parameters.maxPacketPayload(), "ideal interface",
        "ideal.max-packet-payload");
    this.parameters = parameters;
    Metrics m = sim.metrics();
    this.port = new SendPort(sim, node, backplane, parameters.outgoingPackets(),
        m.counter(node, NicCounter.PACKETS_SENT), m.counter(node, NicCounter.BYTES_SENT));
    this.drain = new DrainBarrier(node, port::sendControl, m);
    this.receive = new ReceivePath(sim, node, memory, incoming, drain,
        m.counter(node, NicCounter.PACKETS_RECEIVED),
        m.counter(node, NicCounter.PACKETS_DROPPED), interruptPolicy);
    backplane.attach(node, receive);
  }

  void connect(NicInterrupts interrupts) {
    receive.connect(interrupts);
  }
}
