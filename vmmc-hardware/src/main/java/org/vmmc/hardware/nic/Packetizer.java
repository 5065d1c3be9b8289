package org.vmmc.hardware.nic;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

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
 * The packetizer and the send side of the network interface chip (design reference, sections
 * 4.1 and 4.2): takes the packets of the interface's engines into a FIFO of a few packets,
 * builds each one's header and starts it into the backplane, one at a time and in the order
 * they were submitted, waiting while the backplane pushes back. An engine that must not
 * overfill the FIFO waits for room with {@link #whenSpace}.
 *
 * <p>A packet may be submitted before its data has reached the packetizer (SHRIMP-II's
 * automatic-update packets, still passing the snoop logic): it is built once its data is
 * there, and it holds the packets behind it, so the order of submission is the order on the
 * wire. The build time and the FIFO's depth are the design's parameters (modelling guesses
 * in every shipped design); its builds are traced as the node's {@link Stage#NIC_LOGIC}, under
 * the text it is given.
 */
public final class Packetizer {
  private record Queued(Packet packet, SimTime readyAt, Runnable onInjected) {}

  private static final Runnable NOTHING = () -> { };

  private final Simulator sim;
  private final Backplane backplane;
  private final NodeId node;
  private final SimDuration buildTime;
  private final int capacity;
  private final TracePoint built;
  private final ArrayDeque<Queued> fifo = new ArrayDeque<>();
  private final List<Runnable> spaceWaiters = new ArrayList<>();
  private boolean busy;

  /**
   * A packetizer for {@code node} that injects into {@code backplane}, takes {@code buildTime}
   * per packet, holds at most {@code capacity} packets for the engines that wait for room (the
   * packet being built among them), and traces each build as the node's NIC logic under the text
   * {@code label}.
   */
  public Packetizer(Simulator sim, Backplane backplane, NodeId node, SimDuration buildTime,
      int capacity, String label) {
    checkArgument(capacity > 0, "a packetizer must hold at least 1 packet, not %s", capacity);
    this.sim = requireNonNull(sim, "sim");
    this.backplane = requireNonNull(backplane, "backplane");
    this.node = requireNonNull(node, "node");
    this.buildTime = requireNonNull(buildTime, "buildTime");
    this.capacity = capacity;
    this.built = TracePoint.of(Stage.NIC_LOGIC, node, requireNonNull(label, "label"));
  }

  /** True while the FIFO holds fewer packets than its capacity. */
  boolean hasSpace() {
    return fifo.size() < capacity;
  }

  /** Runs {@code action} once the FIFO has room: now if it has, else after the next injection. */
  public void whenSpace(Runnable action) {
    if (hasSpace()) {
      action.run();
    } else {
      spaceWaiters.add(action);
    }
  }

  /** Queues {@code packet}, whose data is here now; {@code onInjected} runs once it is injected. */
  public void submit(Packet packet, Runnable onInjected) {
    syncCaller();
    submit(packet, sim.now(), onInjected);
  }

  /**
   * Queues {@code packet}, whose data reaches the packetizer at {@code readyAt} (now or later);
   * {@code onInjected} runs once the backplane has taken it. A process that ran ahead of global
   * time (a bus write the snoop logic caught, a kernel call starting a drain barrier) catches up
   * first, so its packet takes its place in the order at its own time, not before it.
   */
  public void submit(Packet packet, SimTime readyAt, Runnable onInjected) {
    syncCaller();
    fifo.add(new Queued(requireNonNull(packet, "packet"), requireNonNull(readyAt, "readyAt"),
        requireNonNull(onInjected, "onInjected")));
    pump();
  }

  /**
   * Queues a drain marker or acknowledgement behind everything submitted so far, ready now: the
   * injection path a {@link DrainBarrier} is given.
   */
  public void submitControl(Packet packet) {
    submit(packet, NOTHING);
  }

  private void syncCaller() {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
  }

  /** True when no packet is queued or being built. */
  public boolean isIdle() {
    return fifo.isEmpty() && !busy;
  }

  private void pump() {
    if (busy || fifo.isEmpty()) {
      return;
    }
    busy = true;
    SimTime readyAt = fifo.peek().readyAt();
    if (readyAt.isAfter(sim.now())) {
      sim.scheduleAt(readyAt.plus(buildTime), built, this::inject);
    } else {
      // Relative to now: a caller running ahead of global time is caught up before it is read.
      sim.schedule(buildTime, built, this::inject);
    }
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
