package org.vmmc.hardware.node;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of the Ethernet control network, machine-wide, reported as
 * {@code ethernet.<id>}.
 */
enum EthernetCounter implements CounterKey {
  /** Control messages sent. */
  MESSAGES_SENT("messages-sent", "control messages sent"),
  /** Control messages delivered. */
  MESSAGES_DELIVERED("messages-delivered", "control messages delivered");

  private final String id;
  private final String description;

  EthernetCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "ethernet";
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
