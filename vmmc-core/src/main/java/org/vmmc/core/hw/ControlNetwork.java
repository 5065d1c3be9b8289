package org.vmmc.core.hw;

import org.vmmc.core.NodeId;

/**
 * The Ethernet beside the mesh, which carries kernel-to-kernel messages for naming and
 * control (export, import). It is reliable and delivers messages in order per (sender,
 * receiver) pair, after {@link ControlNetworkParameters#latency()}.
 */
public interface ControlNetwork {

  /** The network's timing parameters. */
  ControlNetworkParameters parameters();

  /**
   * Sends a message described by {@code what} from {@code from} to {@code to}; {@code
   * onDelivery} runs, as an event, when it arrives. A process that sends is synchronised first.
   */
  void send(NodeId from, NodeId to, String what, Runnable onDelivery);

  /** The number of messages sent so far. */
  long messagesSent();

  /** The number of messages delivered so far. */
  long messagesDelivered();
}
