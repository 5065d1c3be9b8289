package org.vmmc.hardware.shrimp2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.Simulator;

/**
 * The arbiter and packetizer: serialises the packets of the deliberate-update engine (and, with
 * automatic update, of the outgoing FIFO) at packet granularity, builds each packet's header
 * and starts it into the network interface chip, waiting while the backplane pushes back.
 */
final class Arbiter {
  private record Queued(Packet packet, Runnable onInjected) {}

  private final Simulator sim;
  private final Backplane backplane;
  private final NodeId node;
  private final SimDuration packetize;
  private final int capacity;
  private final ArrayDeque<Queued> fifo = new ArrayDeque<>();
  private final List<Runnable> spaceWaiters = new ArrayList<>();
  private boolean busy;

  Arbiter(Simulator sim, Backplane backplane, NodeId node, SimDuration packetize, int capacity) {
    this.sim = sim;
    this.backplane = backplane;
    this.node = node;
    this.packetize = packetize;
    this.capacity = capacity;
  }

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

  /** Queues {@code packet}; {@code onInjected} runs once the backplane has taken it. */
  void submit(Packet packet, Runnable onInjected) {
    fifo.add(new Queued(packet, onInjected));
    pump();
  }

  boolean isIdle() {
    return fifo.isEmpty() && !busy;
  }

  private void pump() {
    if (busy || fifo.isEmpty()) {
      return;
    }
    busy = true;
    sim.schedule(packetize, "packetize", this::inject);
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
