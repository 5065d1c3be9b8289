package org.vmmc.core.net;

import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;

/**
 * The routing backplane that joins the nodes' network interfaces (the SHRIMP mesh).
 *
 * <p>Contract, which every implementation keeps and tests check:
 * <ul>
 *   <li>lossless: every packet accepted by {@link #tryInject} is offered to its destination's
 *       receiver, and handed over exactly once;
 *   <li>in order per (source, destination) pair;
 *   <li>back-pressure at both ends: {@link #tryInject} refuses when the source's injection
 *       port is full ({@link #onInjectionSpace} says when to try again), and a receiver that
 *       refuses a packet keeps it, and everything queued behind it, inside the network until
 *       {@link #resumeEjection} is called.
 * </ul>
 *
 * <p>Delivery happens at the simulated instant the packet's tail reaches the destination's
 * interface. All methods are called from simulation code (event actions or simulated
 * processes), one at a time; none blocks.
 */
public interface Backplane {

  /** The number of nodes, numbered 0 to {@code nodeCount() - 1}. */
  int nodeCount();

  /** The largest payload one packet may carry, in bytes. */
  int maxPayloadBytes();

  /**
   * Connects {@code receiver} as {@code node}'s network interface; a node is attached once.
   *
   * @throws IllegalArgumentException if {@code node} is outside the backplane
   * @throws IllegalStateException if {@code node} already has a receiver
   */
  void attach(NodeId node, PacketReceiver receiver);

  /**
   * Hands {@code packet} to the network at its source node; returns false, and keeps nothing,
   * when the source's injection port cannot take it now.
   *
   * @throws IllegalArgumentException if a node of the packet is outside the backplane or its
   *     payload exceeds {@link #maxPayloadBytes()}
   * @throws IllegalStateException if the source or the destination has no receiver attached
   */
  boolean tryInject(Packet packet);

  /**
   * Runs {@code callback} once, as a simulation event, as soon as {@code node}'s injection port
   * can take a packet (at the current instant if it can now).
   */
  void onInjectionSpace(NodeId node, Runnable callback);

  /**
   * Tells the backplane that {@code node}'s receiver can take packets again after refusing one;
   * the held packets are offered again, in order, at the network's next cycle. Does nothing
   * when no packet is held for {@code node}.
   */
  void resumeEjection(NodeId node);

  /**
   * The time from injection to tail arrival of a packet with {@code payloadBytes} bytes of
   * payload from {@code from} to {@code to} when the network carries nothing else; an
   * implementation documents the formula.
   */
  SimDuration zeroLoadLatency(NodeId from, NodeId to, int payloadBytes);
}
