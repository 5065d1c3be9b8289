package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link IoBus} keeps, reported as {@code nodeN.eisa.<id>}. */
public enum IoBusCounter implements CounterKey {
  /** DMA transfers booked on the bus. */
  TRANSFERS,
  /** Bytes those transfers moved. */
  BYTES;

  @Override
  public String component() {
    return "eisa";
  }
}
