package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link MemoryBus} keeps, reported as {@code nodeN.xpress.<id>}. */
public enum MemoryBusCounter implements CounterKey {
  /** Stores carried to memory (and shown to the snoopers). */
  WRITES("writes", "stores carried to memory and shown to the snoopers"),
  /** Stores a snooper held because it had no room. */
  STALLS("stalls", "stores a snooper held because it had no room");

  private final String id;
  private final String description;

  MemoryBusCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "xpress";
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
