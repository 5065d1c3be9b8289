package org.vmmc.core.hw;

/** The kind of a memory reference, as the MMU checks it. */
public enum Access {
  /** A load; allowed on any present page the mode may reach. */
  READ,
  /** A store (or a read-modify-write); also needs the page to be writable. */
  WRITE;

  /** The lower-case name used in messages. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
