package org.vmmc.examples.ideal;

import java.util.ArrayDeque;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.DrainBarrier;

/**
 * The interface's side of the backplane: packets wait here, in the order they were made, for
 * the injection port, and leave the moment the backplane takes them, with no time of the
 * interface's own. Data packets fill at most {@code capacity} places, so a sender waits while
 * the backplane pushes back; drain markers and acknowledgements, which events make and which
 * cannot wait, queue behind them beyond that.
 */
final class SendPort {
  private final Simulator sim;
  private final NodeId node;
  private final Backplane backplane;
  private final int capacity;
  private final Counter packetsSent;
  private final Counter bytesSent;
  private final Signal progress;
  /** The port offering its queue to the backplane: the interface's own logic, at no cost. */
  private final TracePoint pumped;
  private final ArrayDeque<Packet> queue = new ArrayDeque<>();
  private int dataQueued;
  private boolean pumpDue;
  private boolean waitingForSpace;

  SendPort(Simulator sim, NodeId node, Backplane backplane, int capacity, Counter packetsSent,
      Counter bytesSent) {
    this.sim = sim;
    this.node = node;
    this.backplane = backplane;
    this.capacity = capacity;
    this.packetsSent = packetsSent;
    this.bytesSent = bytesSent;
    this.progress = sim.signal("node " + node.value() + " ideal interface outgoing room");
    this.pumped = TracePoint.of(Stage.NIC_LOGIC, node, "ideal send");
  }

  /** True when every place for data packets is taken. */
  boolean isFull() {
    return dataQueued >= capacity;
  }

  /** Signalled whenever the backplane took a data packet. */
  Signal progress() {
    return progress;
  }

  /** Queues data packet {@code packet}; the caller has checked that there is room. */
  void send(Packet packet) {
    dataQueued++;
    queue.add(packet);
    pumpNow();
  }

  /** Queues a drain marker or acknowledgement behind every packet queued so far. */
  void sendControl(Packet packet) {
    queue.add(packet);
    pumpNow();
  }

  /**
   * Offers the queue to the backplane at the current instant, from an event of its own: a
   * process that queues a packet (a sender, or the kernel's unimport) may run ahead of global
   * time, and scheduling the event lets global time catch up with it first.
   */
  private void pumpNow() {
    if (!pumpDue) {
      pumpDue = true;
      sim.schedule(SimDuration.ZERO, pumped, this::pump);
    }
  }

  private void pump() {
    pumpDue = false;
    if (waitingForSpace) {
      return;
    }
    while (!queue.isEmpty()) {
      Packet head = queue.peek();
      if (!backplane.tryInject(head)) {
        waitingForSpace = true;
        backplane.onInjectionSpace(node, this::spaceAgain);
        return;
      }
      queue.poll();
      if (!DrainBarrier.isControl(head)) {
        dataQueued--;
        packetsSent.increment();
        bytesSent.add(head.payloadLength());
        progress.signalAll();
      }
    }
  }

  private void spaceAgain() {
    waitingForSpace = false;
    pump();
  }
}
