package org.vmmc.hardware.shrimp1;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

/**
 * The packetizer and network interface chip's send side: takes packets from the outgoing DMA
 * engine, builds each header and starts it into the backplane, one at a time, waiting while
 * the backplane pushes back.
 */
final class Packetizer {
  private record Queued(Packet packet, Runnable onInjected) {}

  private static final Runnable NOTHING = () -> { };

  private final Simulator sim;
  private final Backplane backplane;
  private final NodeId node;
  private final SimDuration buildTime;
  private final TracePoint built;
  private final int capacity;
  private final ArrayDeque<Queued> fifo = new ArrayDeque<>();
  private final List<Runnable> spaceWaiters = new ArrayList<>();
  private boolean busy;

  Packetizer(Simulator sim, Backplane backplane, NodeId node, SimDuration buildTime,
      int capacity) {
    this.sim = sim;
    this.backplane = backplane;
    this.node = node;
    this.buildTime = buildTime;
    this.built = TracePoint.of(Stage.NIC_LOGIC, node, "shrimp1 packetize");
    this.capacity = capacity;
  }

  /** Runs {@code action} once the packetizer's FIFO has room (now if it has). */
  void whenSpace(Runnable action) {
    if (fifo.size() < capacity) {
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

  /** Queues a drain marker or acknowledgement behind everything submitted so far. */
  void submitControl(Packet packet) {
    submit(packet, NOTHING);
  }

  private void pump() {
    if (busy || fifo.isEmpty()) {
      return;
    }
    busy = true;
    sim.schedule(buildTime, built, this::inject);
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
    if (!spaceWaiters.isEmpty() && fifo.size() < capacity) {
      List<Runnable> waiting = List.copyOf(spaceWaiters);
      spaceWaiters.clear();
      waiting.forEach(Runnable::run);
    }
    pump();
  }
}
