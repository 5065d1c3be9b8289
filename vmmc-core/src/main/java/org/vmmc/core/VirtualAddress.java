package org.vmmc.core;

/**
 * An address in a process's 32-bit virtual address space (the Pentium's).
 *
 * @param value the address, from 0 to {@link #MAX}
 */
public record VirtualAddress(long value) implements Comparable<VirtualAddress> {

  /** The highest virtual address. */
  public static final long MAX = 0xFFFF_FFFFL;

  /** Checks the range. */
  public VirtualAddress {
    if (value < 0 || value > MAX) {
      // Not checkArgument: its message arguments would be formatted on every construction.
      throw new IllegalArgumentException("virtual address 0x" + Long.toHexString(value)
          + " is outside 0..0x" + Long.toHexString(MAX));
    }
  }

  /** The virtual address {@code value}. */
  public static VirtualAddress of(long value) {
    return new VirtualAddress(value);
  }

  /** The address {@code bytes} further on. */
  public VirtualAddress plus(long bytes) {
    return new VirtualAddress(value + bytes);
  }

  @Override
  public int compareTo(VirtualAddress other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "v:0x" + Long.toHexString(value);
  }
}
