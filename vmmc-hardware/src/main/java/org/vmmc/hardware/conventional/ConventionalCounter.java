package org.vmmc.hardware.conventional;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of a conventional interface and its kernel message layer beyond the common
 * {@link org.vmmc.core.nic.NicCounter}s, reported as {@code nodeN.nic.<id>}.
 */
public enum ConventionalCounter implements CounterKey {
  /** Arrivals the card interrupted the kernel for. */
  ARRIVAL_INTERRUPTS,
  /** Bytes the kernel copied to or from its buffers, at the sender and at the receiver. */
  KERNEL_COPIED_BYTES;

  @Override
  public String component() {
    return "nic";
  }
}
