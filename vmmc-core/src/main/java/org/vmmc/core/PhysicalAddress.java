package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

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
    checkArgument(value >= 0 && value <= MAX,
        "physical address 0x%s is outside 0..0x%s", Long.toHexString(value), Long.toHexString(MAX));
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
