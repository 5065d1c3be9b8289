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
  UDMA_RETRIES("udma-retries", "UDMA STORE and LOAD pairs the library repeated"),
  /** Half-started UDMA pairs a context switch cancelled. */
  UDMA_CANCELLED("udma-cancelled", "half-started UDMA pairs a context switch cancelled"),
  /** UDMA LOADs answered invalid (no latched STORE, or one that no longer fits or holds). */
  UDMA_INVALID("udma-invalid", "UDMA LOADs answered invalid"),
  /** Latched UDMA STOREs cleared because their outgoing entry was invalidated. */
  UDMA_LATCH_REVOKED("udma-latch-revoked", "UDMA latches cleared by a revoked mapping"),
  /** Stores snooped into the outgoing FIFO, one per bus write. */
  AU_WORDS("au-words", "stores snooped into the outgoing FIFO, one per bus write"),
  /** Snooped stores whose packet the network has taken. */
  AU_WORDS_INJECTED("au-words-injected", "snooped stores whose packet the network has taken"),
  /** Automatic-update packets built. */
  AU_PACKETS("au-packets", "automatic-update packets built"),
  /** Payload bytes of the automatic-update packets. */
  AU_BYTES("au-bytes", "payload bytes of the automatic-update packets"),
  /** Bus writes held because the outgoing FIFO was full. */
  AU_STALLS("au-stalls", "bus writes held because the outgoing FIFO was full");

  private final String id;
  private final String description;

  Shrimp2Counter(String id, String description) {
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
