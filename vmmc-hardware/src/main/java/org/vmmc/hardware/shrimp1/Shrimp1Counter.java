package org.vmmc.hardware.shrimp1;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of a SHRIMP-I interface and its user access path beyond the common
 * {@link org.vmmc.core.nic.NicCounter}s, reported as {@code nodeN.nic.<id>}.
 */
public enum Shrimp1Counter implements CounterKey {
  /** Bytes the library copied into the send pages before a send. */
  STAGED_BYTES("staged-bytes", "bytes the library copied into the send pages before a send"),
  /** Compare-and-exchanges retried because the engine was busy. */
  SEND_RETRIES("send-retries", "compare-and-exchanges retried because the engine was busy"),
  /** Shadow compare-and-exchanges answered busy. */
  SHADOW_BUSY("shadow-busy", "shadow compare-and-exchanges answered busy"),
  /** Shadow compare-and-exchanges refused as invalid. */
  SHADOW_INVALID("shadow-invalid", "shadow compare-and-exchanges refused as invalid"),
  /** Plain stores to the shadow alias, which the card ignores (only the locked cycle counts). */
  SHADOW_STORES_IGNORED("shadow-stores-ignored", "plain stores to the shadow alias, ignored");

  private final String id;
  private final String description;

  Shrimp1Counter(String id, String description) {
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
