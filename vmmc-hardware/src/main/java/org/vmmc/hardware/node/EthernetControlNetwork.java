package org.vmmc.hardware.node;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * The Ethernet that joins the kernels (stated: SHRIMP used Ethernet for naming and control).
 * Each message arrives after a fixed latency (a modelling guess); a message never overtakes
 * an earlier one between the same two nodes.
 */
final class EthernetControlNetwork implements ControlNetwork {

  private record Pair(NodeId from, NodeId to) {}

  private final Simulator sim;
  private final ControlNetworkParameters parameters;
  private final Map<Pair, SimTime> lastDelivery = new HashMap<>();
  private final Counter sent;
  private final Counter delivered;

  EthernetControlNetwork(Simulator sim, ControlNetworkParameters parameters) {
    this.sim = requireNonNull(sim, "sim");
    this.parameters = requireNonNull(parameters, "parameters");
    this.sent = sim.metrics().counter(EthernetCounter.MESSAGES_SENT);
    this.delivered = sim.metrics().counter(EthernetCounter.MESSAGES_DELIVERED);
  }

  @Override
  public ControlNetworkParameters parameters() {
    return parameters;
  }

  @Override
  public void send(NodeId from, NodeId to, String what, Runnable onDelivery) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(what, "what");
    requireNonNull(onDelivery, "onDelivery");
    Clocks.syncCaller(sim);
    Pair pair = new Pair(from, to);
    SimTime arrival = sim.now().plus(parameters.latency());
    SimTime previous = lastDelivery.get(pair);
    if (previous != null) {
      // Same-time deliveries keep send order: the simulator runs equal-time events FIFO.
      arrival = arrival.max(previous);
    }
    lastDelivery.put(pair, arrival);
    sent.increment();
    // The control path is rare and off the data path: a trace point per message is cheap.
    TracePoint delivery = TracePoint.machine(Stage.CONTROL,
        "ethernet " + from.value() + "->" + to.value() + ": " + what);
    sim.scheduleAt(arrival, delivery, () -> {
      delivered.increment();
      onDelivery.run();
    });
  }

  @Override
  public long messagesSent() {
    return sent.value();
  }

  @Override
  public long messagesDelivered() {
    return delivered.value();
  }

  @Override
  public String toString() {
    return "EthernetControlNetwork[latency " + parameters.latency() + ", " + sent.value()
        + " sent]";
  }
}
