package org.vmmc.core.hw;

import org.vmmc.core.stats.CounterKey;

/** The counters a node's {@link IoBus} keeps, reported as {@code nodeN.eisa.<id>}. */
public enum IoBusCounter implements CounterKey {
  /** DMA transfers booked on the bus. */
  TRANSFERS("transfers", "DMA transfers booked on the bus"),
  /** Bytes those transfers moved. */
  BYTES("bytes", "bytes the DMA transfers moved");

  private final String id;
  private final String description;

  IoBusCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "eisa";
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
