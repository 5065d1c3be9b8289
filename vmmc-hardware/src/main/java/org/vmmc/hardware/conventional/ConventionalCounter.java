package org.vmmc.hardware.conventional;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of a conventional interface and its kernel message layer beyond the common
 * {@link org.vmmc.core.nic.NicCounter}s, reported as {@code nodeN.nic.<id>}.
 */
public enum ConventionalCounter implements CounterKey {
  /** Arrivals the card interrupted the kernel for. */
  ARRIVAL_INTERRUPTS("arrival-interrupts", "arrivals the card interrupted the kernel for"),
  /** Bytes the kernel copied to or from its buffers, at the sender and at the receiver. */
  KERNEL_COPIED_BYTES("kernel-copied-bytes", "bytes the kernel copied to or from its buffers");

  private final String id;
  private final String description;

  ConventionalCounter(String id, String description) {
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
