package org.vmmc.bench.soak;

import static java.util.Objects.requireNonNull;

/**
 * Something the oracle saw that the protection and delivery guarantees forbid.
 *
 * @param kind which guarantee it breaks
 * @param rule a short name of the check that fired, to group findings by
 * @param detail what happened, with the processes, buffers and words involved
 */
record Finding(Kind kind, String rule, String detail) {

  /** The classes of findings the soak counts. */
  enum Kind {
    /** A process wrote or read memory it was not given, or saw an earlier owner's data. */
    ESCAPE,
    /** Data or a notification that had to arrive did not, and no drop was reported for it. */
    LOSS,
    /** A word or notification arrived more than once. */
    DUPLICATE,
    /** A call failed with an exception of a kind the API does not document for it. */
    UNCLEAR,
    /** The run itself failed: a process or event threw, a deadlock, or a hang. */
    CRASH
  }

  /** Checks the fields. */
  Finding {
    requireNonNull(kind, "kind");
    requireNonNull(rule, "rule");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " [" + rule + "] " + detail;
  }
}
