package org.vmmc.hardware.mesh;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.sim.EventHandle;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.LatencyHistogram;

/**
 * The Paragon-style mesh as a {@link Backplane}: a {@link MeshNetwork} clocked by simulator
 * events.
 *
 * <p>Cycle {@code k} of the mesh happens at simulated time {@code k * linkCycleTime}. The mesh
 * schedules one event per cycle in which something can happen and none while it is empty or
 * only waits (for a resumed ejection, say), so an idle mesh costs nothing. A packet accepted at
 * an instant between two cycle boundaries starts into the mesh at the next boundary; the
 * zero-load latency holds for packets injected on a boundary. Packet latency, from acceptance
 * to the receiver taking it, goes to the histogram {@code mesh.packet-latency}.
 */
final class MeshBackplane implements Backplane, MeshNetwork.Sink {
  /** The mesh stepping one cycle: its time is the network's, machine-wide. */
  private static final TracePoint TICK = TracePoint.machine(Stage.NETWORK, "mesh cycle");

  private final Simulator simulator;
  private final MeshParameters parameters;
  private final MeshNetwork network;
  private final long cyclePicos;
  private final PacketReceiver[] receivers;
  private final List<List<Runnable>> spaceWaiters;
  /** Per node: the network telling its interface that it may inject again. */
  private final TracePoint[] space;
  private final LatencyHistogram latency;
  private final Runnable tickAction = this::tick;
  private Packet[] packets = new Packet[64];
  private long[] acceptedAt = new long[64];
  private EventHandle tick;
  private long tickCycle;
  private boolean stepping;

  MeshBackplane(Simulator simulator, MeshParameters parameters) {
    this.simulator = requireNonNull(simulator, "simulator");
    this.parameters = requireNonNull(parameters, "parameters");
    this.network = new MeshNetwork(parameters, this, simulator.metrics());
    this.cyclePicos = parameters.linkCycleTime().picos();
    int nodes = parameters.nodeCount();
    this.receivers = new PacketReceiver[nodes];
    this.spaceWaiters = new ArrayList<>(nodes);
    this.space = new TracePoint[nodes];
    for (int n = 0; n < nodes; n++) {
      spaceWaiters.add(new ArrayList<>(1));
      space[n] = TracePoint.of(Stage.NETWORK, NodeId.of(n), "mesh injection space");
    }
    this.latency = simulator.metrics().histogram("mesh.packet-latency");
  }

  MeshNetwork network() {
    return network;
  }

  @Override
  public int nodeCount() {
    return receivers.length;
  }

  @Override
  public int maxPayloadBytes() {
    return parameters.maxPayloadBytes();
  }

  @Override
  public void attach(NodeId node, PacketReceiver receiver) {
    int n = index(node, "node");
    requireNonNull(receiver, "receiver");
    checkState(receivers[n] == null, "%s already has a network interface attached", node);
    receivers[n] = receiver;
  }

  @Override
  public boolean tryInject(Packet packet) {
    requireNonNull(packet, "packet");
    int source = index(packet.source(), "source");
    int destination = index(packet.destination(), "destination");
    checkArgument(packet.payloadLength() <= parameters.maxPayloadBytes(),
        "packet payload of %s bytes exceeds the mesh's limit of %s bytes",
        packet.payloadLength(), parameters.maxPayloadBytes());
    checkState(receivers[source] != null,
        "source %s has no network interface attached", packet.source());
    checkState(receivers[destination] != null,
        "destination %s has no network interface attached", packet.destination());
    long now = currentCycle();
    if (network.cycle() < now) {
      // The mesh had nothing to do since its last cycle: bring its clock up to date.
      network.skipTo(now);
    }
    int h = network.tryInject(source, destination,
        parameters.flitsFor(packet.payloadLength()), packet.traceId());
    if (h < 0) {
      return false;
    }
    if (h >= packets.length) {
      int size = Math.max(h + 1, packets.length * 2);
      packets = Arrays.copyOf(packets, size);
      acceptedAt = Arrays.copyOf(acceptedAt, size);
    }
    packets[h] = packet;
    acceptedAt[h] = simulator.now().picos();
    wake(network.cycle());
    return true;
  }

  @Override
  public void onInjectionSpace(NodeId node, Runnable callback) {
    int n = index(node, "node");
    requireNonNull(callback, "callback");
    if (network.canInject(n)) {
      simulator.schedule(SimDuration.ZERO, space[n], callback);
    } else {
      spaceWaiters.get(n).add(callback);
    }
  }

  @Override
  public void resumeEjection(NodeId node) {
    int n = index(node, "node");
    if (network.isEjectionBlocked(n)) {
      network.resumeEjection(n);
      wake(currentCycle());
    }
  }

  @Override
  public SimDuration zeroLoadLatency(NodeId from, NodeId to, int payloadBytes) {
    index(from, "source");
    index(to, "destination");
    checkArgument(payloadBytes >= 1 && payloadBytes <= parameters.maxPayloadBytes(),
        "payload must be 1 to %s bytes: %s", parameters.maxPayloadBytes(), payloadBytes);
    return parameters.linkCycleTime()
        .times(parameters.zeroLoadCycles(from, to, parameters.flitsFor(payloadBytes)));
  }

  @Override
  public boolean tailArrived(int handle) {
    Packet packet = packets[handle];
    if (!receivers[packet.destination().value()].offer(packet)) {
      return false;
    }
    packets[handle] = null;
    latency.record(SimDuration.ofPicos(simulator.now().picos() - acceptedAt[handle]));
    return true;
  }

  @Override
  public void injectionSpace(int node) {
    List<Runnable> waiters = spaceWaiters.get(node);
    if (waiters.isEmpty()) {
      return;
    }
    for (Runnable callback : waiters) {
      simulator.schedule(SimDuration.ZERO, space[node], callback);
    }
    waiters.clear();
  }

  /** The first mesh cycle that starts at or after the current simulated time. */
  private long currentCycle() {
    return Math.ceilDiv(simulator.now().picos(), cyclePicos);
  }

  /** Makes sure a cycle event is due no later than cycle {@code cycle}. */
  private void wake(long cycle) {
    if (stepping) {
      return; // the cycle in progress schedules the next one when it ends
    }
    long target = Math.max(cycle, network.cycle());
    if (tick != null) {
      if (tickCycle <= target) {
        return;
      }
      tick.cancel();
    }
    tickCycle = target;
    tick = simulator.scheduleAt(SimTime.ofPicos(Math.multiplyExact(target, cyclePicos)),
        TICK, tickAction);
  }

  private void tick() {
    tick = null;
    if (network.cycle() < tickCycle) {
      network.skipTo(tickCycle);
    }
    stepping = true;
    long next;
    try {
      next = network.step();
    } finally {
      stepping = false;
    }
    if (next != MeshNetwork.IDLE) {
      wake(next);
    }
  }

  private int index(NodeId node, String what) {
    requireNonNull(node, what);
    // Not checkArgument: five arguments would be boxed into an array for every packet.
    if (node.value() >= receivers.length) {
      throw new IllegalArgumentException(lenientFormat(
          "%s %s is outside the %s-node mesh (%s x %s)", what, node, receivers.length,
          parameters.width(), parameters.height()));
    }
    return node.value();
  }
}
