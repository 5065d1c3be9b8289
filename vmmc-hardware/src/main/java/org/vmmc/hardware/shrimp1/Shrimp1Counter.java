package org.vmmc.hardware.shrimp1;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of a SHRIMP-I interface and its user access path beyond the common
 * {@link org.vmmc.core.nic.NicCounter}s, reported as {@code nodeN.nic.<id>}.
 */
public enum Shrimp1Counter implements CounterKey {
  /** Bytes the library copied into the send pages before a send. */
  STAGED_BYTES,
  /** Compare-and-exchanges retried because the engine was busy. */
  SEND_RETRIES,
  /** Shadow compare-and-exchanges answered busy. */
  SHADOW_BUSY,
  /** Shadow compare-and-exchanges refused as invalid. */
  SHADOW_INVALID,
  /** Plain stores to the shadow alias, which the card ignores (only the locked cycle counts). */
  SHADOW_STORES_IGNORED;

  @Override
  public String component() {
    return "nic";
  }
}
