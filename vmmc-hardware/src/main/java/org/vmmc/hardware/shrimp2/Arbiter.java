package org.vmmc.hardware.shrimp2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

/**
 * The arbiter and packetizer: serialises the packets of the deliberate-update engine and of
 * the outgoing FIFO (automatic update) at packet granularity, in the order they are
 * submitted, builds each packet's header and starts it into the network interface chip,
 * waiting while the backplane pushes back. A packet whose data is not yet at the packetizer
 * (an automatic-update packet still passing the snoop logic) holds the ones behind it, so the
 * order of submission is the order on the wire.
 */
final class Arbiter {
  private record Queued(Packet packet, SimTime readyAt, Runnable onInjected) {}

  private static final Runnable NOTHING = () -> { };

  private final Simulator sim;
  private final Backplane backplane;
  private final NodeId node;
  private final SimDuration packetize;
  private final TracePoint packetized;
  private final int capacity;
  private final ArrayDeque<Queued> fifo = new ArrayDeque<>();
  private final List<Runnable> spaceWaiters = new ArrayList<>();
  private boolean busy;

  Arbiter(Simulator sim, Backplane backplane, NodeId node, SimDuration packetize, int capacity) {
    this.sim = sim;
    this.backplane = backplane;
    this.node = node;
    this.packetize = packetize;
    this.packetized = TracePoint.of(Stage.NIC_LOGIC, node, "packetize");
    this.capacity = capacity;
  }

  /** True while the deliberate-update engine may hand over another packet. */
  boolean hasSpace() {
    return fifo.size() < capacity;
  }

  void whenSpace(Runnable action) {
    if (hasSpace()) {
      action.run();
    } else {
      spaceWaiters.add(action);
    }
  }

  /** Queues {@code packet}, ready now; {@code onInjected} runs once the backplane has taken it. */
  void submit(Packet packet, Runnable onInjected) {
    submit(packet, sim.now(), onInjected);
  }

  /**
   * Queues {@code packet}, whose data reaches the packetizer at {@code readyAt}; {@code
   * onInjected} runs once the backplane has taken it.
   */
  void submit(Packet packet, SimTime readyAt, Runnable onInjected) {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
    fifo.add(new Queued(packet, readyAt, onInjected));
    pump();
  }

  /** Queues a drain marker or acknowledgement behind everything submitted so far, ready now. */
  void submitControl(Packet packet) {
    submit(packet, NOTHING);
  }

  boolean isIdle() {
    return fifo.isEmpty() && !busy;
  }

  private void pump() {
    if (busy || fifo.isEmpty()) {
      return;
    }
    busy = true;
    SimTime start = fifo.peek().readyAt().max(sim.now());
    sim.scheduleAt(start.plus(packetize), packetized, this::inject);
  }

  private void inject() {
    Queued head = fifo.peek();
    if (!backplane.tryInject(head.packet())) {
      backplane.onInjectionSpace(node, this::inject);
      return;
    }
    fifo.poll();
    busy = false;
    head.onInjected().run();
    if (!spaceWaiters.isEmpty() && hasSpace()) {
      List<Runnable> waiting = List.copyOf(spaceWaiters);
      spaceWaiters.clear();
      waiting.forEach(Runnable::run);
    }
    pump();
  }
}
