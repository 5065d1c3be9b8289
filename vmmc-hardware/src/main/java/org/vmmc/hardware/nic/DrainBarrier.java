package org.vmmc.hardware.nic;

import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.sim.SimulatorBugException;
import org.vmmc.core.stats.Counter;
import org.vmmc.core.stats.Metrics;

/**
 * The end-to-end barrier of a revocation (design reference, section 2, "Teardown"): once an
 * interface has injected every packet of a mapping, it injects a drain marker to the mapping's
 * destination on the same path, so the marker travels behind those packets (the backplane is
 * in order per pair of interfaces). The destination's receive path takes packets in arrival
 * order, so when it reaches the marker every earlier packet has been written or refused; it
 * answers with a drain acknowledgement, whose arrival back at the source runs the waiting
 * action. Markers and acknowledgements are counted; their cost is the time they take through
 * the injection path, the mesh and both receive paths, traced as "drain marker" and "drain ack"
 * (the receive path's {@link org.vmmc.core.sim.Stage#NIC_LOGIC}).
 *
 * <pre>
 *   marker / ack payload (4 bytes, little-endian)
 *   +---------------------------------------------------------------+
 *   |                  marker number at the source                  |
 *   +---------------------------------------------------------------+
 * </pre>
 * The destination address of a marker or acknowledgement is unused (zero): nothing is written.
 */
public final class DrainBarrier {
  /** Payload of a marker or acknowledgement, in bytes: the marker's number. */
  public static final int PAYLOAD_BYTES = 4;

  private final NodeId node;
  private final Consumer<Packet> inject;
  private final Counter markers;
  private final Counter acksSent;
  private final Counter acksReceived;
  private final Map<Integer, Runnable> waiting = new HashMap<>();
  private int nextMarker;

  /**
   * A barrier for {@code node} that hands its markers and acknowledgements to {@code inject},
   * the design's injection path (behind every packet already handed to it), and counts into the
   * node's {@link NicCounter#DRAIN_MARKERS}, {@link NicCounter#DRAIN_ACKS_SENT} and
   * {@link NicCounter#DRAIN_ACKS_RECEIVED}.
   */
  public DrainBarrier(NodeId node, Consumer<Packet> inject, Metrics metrics) {
    this.node = node;
    this.inject = inject;
    this.markers = metrics.counter(node, NicCounter.DRAIN_MARKERS);
    this.acksSent = metrics.counter(node, NicCounter.DRAIN_ACKS_SENT);
    this.acksReceived = metrics.counter(node, NicCounter.DRAIN_ACKS_RECEIVED);
  }

  /**
   * Sends a marker to {@code destination} behind every packet already handed to the injection
   * path, and runs {@code whenDelivered} once its acknowledgement is back: by then each of those
   * packets for {@code destination} has been written into memory or refused there.
   */
  public void afterDelivery(NodeId destination, Runnable whenDelivered) {
    int marker = nextMarker++;
    waiting.put(marker, whenDelivered);
    markers.increment();
    inject.accept(control(destination, marker, PacketFlag.DRAIN_MARKER));
  }

  /** True for a drain marker or acknowledgement, which the receive path hands to {@link #received}. */
  public static boolean isControl(Packet packet) {
    return packet.has(PacketFlag.DRAIN_MARKER) || packet.has(PacketFlag.DRAIN_ACK);
  }

  /**
   * The receive path reached {@code packet}, a marker or an acknowledgement, with every earlier
   * arrival written or refused: a marker is answered, an acknowledgement ends its wait.
   */
  public void received(Packet packet) {
    int marker = packet.payloadView().order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (packet.has(PacketFlag.DRAIN_MARKER)) {
      acksSent.increment();
      inject.accept(control(packet.source(), marker, PacketFlag.DRAIN_ACK));
      return;
    }
    Runnable action = waiting.remove(marker);
    if (action == null || !packet.destination().equals(node)) {
      throw new SimulatorBugException("node " + node.value() + " got a drain acknowledgement"
          + " for marker " + marker + " from node " + packet.source().value()
          + ", which it is not waiting for");
    }
    acksReceived.increment();
    action.run();
  }

  /** Drain markers whose acknowledgement has not come back yet. */
  public int outstanding() {
    return waiting.size();
  }

  private Packet control(NodeId destination, int marker, PacketFlag flag) {
    byte[] payload = {(byte) marker, (byte) (marker >>> 8), (byte) (marker >>> 16),
        (byte) (marker >>> 24)};
    return new Packet(node, destination, PhysicalAddress.of(0), payload,
        EnumSet.of(flag));
  }
}
