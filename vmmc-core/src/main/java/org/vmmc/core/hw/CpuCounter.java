package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link Cpu} keeps, reported as {@code nodeN.cpu.<id>}. */
public enum CpuCounter implements CounterKey {
  /** Memory references the MMU refused. */
  PAGE_FAULTS("page-faults", "memory references the MMU refused"),
  /** Uncached references to device pages. */
  DEVICE_REFERENCES("device-references", "uncached references to device pages");

  private final String id;
  private final String description;

  CpuCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "cpu";
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
