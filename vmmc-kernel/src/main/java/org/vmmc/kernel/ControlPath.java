package org.vmmc.kernel;

import java.util.HashMap;
import java.util.Map;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

/**
 * A kernel's end of the control network: sends typed {@link ControlMessage}s to peer kernels
 * and hands each arriving one, after the kernel's handling time, to the part it concerns.
 */
final class ControlPath {
  private final Kernel kernel;
  private final Simulator sim;
  private final ControlNetwork network;
  private final KernelDirectory directory;
  /** The trace point of this kernel's handling of each kind of message, made at first use. */
  private final Map<String, TracePoint> handledPoints = new HashMap<>();

  ControlPath(Kernel kernel, Simulator sim, ControlNetwork network, KernelDirectory directory) {
    this.kernel = kernel;
    this.sim = sim;
    this.network = network;
    this.directory = directory;
  }

  /** Sends {@code message} to the kernel of {@code to}. */
  void send(NodeId to, ControlMessage message) {
    Kernel peer = directory.kernel(to);
    NodeId from = kernel.node();
    SimDuration handling = peer.cycles(peer.parameters().controlMessageCycles());
    TracePoint handled = peer.controlPath().handled(message);
    Runnable handle = () -> sim.schedule(handling, handled,
        () -> peer.controlPath().receive(from, message));
    if (to.equals(from)) {
      handle.run(); // a kernel talks to itself without the network
    } else {
      network.send(from, to, message.kind(), handle);
    }
  }

  /** How this kernel's handling of {@code message} is traced. */
  private TracePoint handled(ControlMessage message) {
    return handledPoints.computeIfAbsent(message.kind(),
        kind -> TracePoint.of(Stage.CONTROL, kernel.node(), "kernel " + kind));
  }

  /** Throws unless {@code node} has a kernel to send to. */
  void requireNode(NodeId node) {
    directory.kernel(node);
  }

  private void receive(NodeId from, ControlMessage message) {
    switch (message) {
      case ControlMessage.ImportRequest m -> kernel.exporting().onImportRequest(from, m);
      case ControlMessage.ImportReply m -> kernel.importing().onImportReply(m);
      case ControlMessage.Revoke m -> kernel.importing().onRevoke(from, m);
      case ControlMessage.RevokeAck m -> kernel.exporting().onRevokeAck(m);
      case ControlMessage.Unimport m -> kernel.exporting().onUnimport(m);
    }
  }
}
