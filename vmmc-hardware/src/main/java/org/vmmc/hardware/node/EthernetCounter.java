package org.vmmc.hardware.node;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of the Ethernet control network, machine-wide, reported as
 * {@code ethernet.<id>}.
 */
enum EthernetCounter implements CounterKey {
  /** Control messages sent. */
  MESSAGES_SENT,
  /** Control messages delivered. */
  MESSAGES_DELIVERED;

  @Override
  public String component() {
    return "ethernet";
  }
}
