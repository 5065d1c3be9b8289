package org.vmmc.hardware.shrimp2;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of a SHRIMP-II interface and its user access path beyond the common
 * {@link org.vmmc.core.nic.NicCounter}s, reported as {@code nodeN.nic.<id>}. Automatic-update
 * packets count in {@code packets-sent} and {@code bytes-sent} too, with the deliberate-update
 * ones.
 */
public enum Shrimp2Counter implements CounterKey {
  /** UDMA STORE and LOAD pairs the library repeated. */
  UDMA_RETRIES,
  /** Half-started UDMA pairs a context switch cancelled. */
  UDMA_CANCELLED,
  /** UDMA LOADs answered invalid (no latched STORE, or one that no longer fits or holds). */
  UDMA_INVALID,
  /** Latched UDMA STOREs cleared because their outgoing entry was invalidated. */
  UDMA_LATCH_REVOKED,
  /** Stores snooped into the outgoing FIFO, one per bus write. */
  AU_WORDS,
  /** Snooped stores whose packet the network has taken. */
  AU_WORDS_INJECTED,
  /** Automatic-update packets built. */
  AU_PACKETS,
  /** Payload bytes of the automatic-update packets. */
  AU_BYTES,
  /** Bus writes held because the outgoing FIFO was full. */
  AU_STALLS;

  @Override
  public String component() {
    return "nic";
  }
}
