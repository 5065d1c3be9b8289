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
  PACKETS_SENT("packets-sent", "data packets started into the network"),
  /** Payload bytes of those packets. */
  BYTES_SENT("bytes-sent", "payload bytes of the data packets sent"),
  /** Data packets written into memory at this node. */
  PACKETS_RECEIVED("packets-received", "data packets written into memory"),
  /** Data packets dropped on arrival because their frame was not enabled for receiving. */
  PACKETS_DROPPED("packets-dropped", "data packets dropped for a frame not enabled"),
  /** Arrivals the interface refused while its receive buffers were full (the mesh held them). */
  ARRIVALS_REFUSED("arrivals-refused", "arrivals refused while the receive buffers were full"),
  /** Drain markers this interface sent behind a revoked mapping's packets. */
  DRAIN_MARKERS("drain-markers", "drain markers sent behind a revoked mapping's packets"),
  /** Drain acknowledgements this interface answered markers with. */
  DRAIN_ACKS_SENT("drain-acks-sent", "drain acknowledgements sent in answer to markers"),
  /** Drain acknowledgements that came back to this interface. */
  DRAIN_ACKS_RECEIVED("drain-acks-received", "drain acknowledgements that came back");

  private final String id;
  private final String description;

  NicCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "nic";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }
}
