package org.vmmc.core.net;

/**
 * The receiving side of a node's network interface, as the backplane sees it.
 *
 * <p>A refusal is back-pressure, not loss: the packet stays in the network, holding the
 * buffers and links it occupies, until the receiver calls
 * {@link Backplane#resumeEjection(org.vmmc.core.NodeId)}; then it is offered again, before
 * any later packet for that node.
 */
@FunctionalInterface
public interface PacketReceiver {

  /**
   * Offers {@code packet}, whose tail has just arrived; returns true when the interface took
   * it, false when it cannot take it now.
   */
  boolean offer(Packet packet);
}
