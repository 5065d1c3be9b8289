package org.vmmc.core;

/**
 * An address on a node's 32-bit physical memory bus.
 *
 * @param value the address, from 0 to {@link #MAX}
 */
public record PhysicalAddress(long value) implements Comparable<PhysicalAddress> {

  /** The highest physical address. */
  public static final long MAX = 0xFFFF_FFFFL;

  /** Checks the range. */
  public PhysicalAddress {
    if (value < 0 || value > MAX) {
      // Not checkArgument: its message arguments would be formatted on every construction.
      throw new IllegalArgumentException("physical address 0x" + Long.toHexString(value)
          + " is outside 0..0x" + Long.toHexString(MAX));
    }
  }

  /** The physical address {@code value}. */
  public static PhysicalAddress of(long value) {
    return new PhysicalAddress(value);
  }

  /** The address {@code bytes} further on. */
  public PhysicalAddress plus(long bytes) {
    return new PhysicalAddress(value + bytes);
  }

  @Override
  public int compareTo(PhysicalAddress other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "p:0x" + Long.toHexString(value);
  }
}
