package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link MemoryBus} keeps, reported as {@code nodeN.xpress.<id>}. */
public enum MemoryBusCounter implements CounterKey {
  /** Stores carried to memory (and shown to the snoopers). */
  WRITES,
  /** Stores a snooper held because it had no room. */
  STALLS;

  @Override
  public String component() {
    return "xpress";
  }
}
