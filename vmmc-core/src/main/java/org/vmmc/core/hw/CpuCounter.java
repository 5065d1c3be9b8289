package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link Cpu} keeps, reported as {@code nodeN.cpu.<id>}. */
public enum CpuCounter implements CounterKey {
  /** Memory references the MMU refused. */
  PAGE_FAULTS,
  /** Uncached references to device pages. */
  DEVICE_REFERENCES;

  @Override
  public String component() {
    return "cpu";
  }
}
