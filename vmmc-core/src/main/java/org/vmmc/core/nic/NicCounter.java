package org.vmmc.core.nic;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters every network interface design keeps, whatever its mechanism, reported as
 * {@code nodeN.nic.<id>}: the kernel, the tools and the tests read them the same way on every
 * design. A design declares its own further counters in an enum of its package, under the same
 * component {@code nic}.
 */
public enum NicCounter implements CounterKey {
  /** Data packets the interface started into the network (drain markers not included). */
  PACKETS_SENT,
  /** Payload bytes of those packets. */
  BYTES_SENT,
  /** Data packets written into memory at this node. */
  PACKETS_RECEIVED,
  /** Data packets dropped on arrival because their frame was not enabled for receiving. */
  PACKETS_DROPPED,
  /** Arrivals the interface refused while its receive buffers were full (the mesh held them). */
  ARRIVALS_REFUSED,
  /** Drain markers this interface sent behind a revoked mapping's packets. */
  DRAIN_MARKERS,
  /** Drain acknowledgements this interface answered markers with. */
  DRAIN_ACKS_SENT,
  /** Drain acknowledgements that came back to this interface. */
  DRAIN_ACKS_RECEIVED;

  @Override
  public String component() {
    return "nic";
  }
}
