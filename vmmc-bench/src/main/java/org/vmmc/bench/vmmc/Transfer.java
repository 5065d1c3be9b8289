package org.vmmc.bench.vmmc;

/** How a message moves in an experiment. */
public enum Transfer {
  /** Deliberate update: an explicit send of the message. */
  DU("du"),
  /** Automatic update: ordinary stores to a bound page. */
  AU("au");

  private final String label;

  Transfer(String label) {
    this.label = label;
  }

  /** The short label used in results ("du", "au"). */
  public String label() {
    return label;
  }
}
