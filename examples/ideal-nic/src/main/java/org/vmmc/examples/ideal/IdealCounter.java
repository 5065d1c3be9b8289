package org.vmmc.examples.ideal;

import org.vmmc.core.stats.CounterKey;

/**
 * What the ideal interface counts on each node, under the names every design uses, so the
 * contract suite and the reports read them as they read the shipped designs' counters.
 */
enum IdealCounter implements CounterKey {
  /** Data packets handed to the backplane. */
  PACKETS_SENT("packets-sent", "data packets handed to the backplane"),
  /** Payload bytes of those packets. */
  BYTES_SENT("bytes-sent", "payload bytes handed to the backplane"),
  /** Data packets written into memory. */
  PACKETS_RECEIVED("packets-received", "data packets written into memory"),
  /** Data packets refused because their frame was not enabled for receiving. */
  PACKETS_DROPPED("packets-dropped", "data packets for frames not enabled, dropped");

  private final String id;
  private final String description;

  IdealCounter(String id, String description) {
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
