package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimTime;

/**
 * One write transaction on the memory bus, as a snooper sees it.
 *
 * <p>The data lanes are little-endian: the byte stored at {@code address} is the least
 * significant byte of {@code value}, and only the low {@code size} bytes of {@code value} are
 * used (the rest must be zero). A transaction never crosses a 4-byte word boundary.
 *
 * @param address the physical address of the first byte written
 * @param value the data, in the low {@code size} bytes
 * @param size the number of bytes written, 1 to 4
 * @param time the instant the transaction is driven on the bus
 */
public record BusWrite(PhysicalAddress address, int value, int size, SimTime time) {

  /** The widest transaction, in bytes (the Pentium's 32-bit store). */
  public static final int MAX_SIZE = Integer.BYTES;

  /** Checks the size, the word boundary and the unused data bytes. */
  public BusWrite {
    requireNonNull(address, "address");
    requireNonNull(time, "time");
    checkArgument(size >= 1 && size <= MAX_SIZE,
        "bus write size must be 1 to %s bytes: %s", MAX_SIZE, size);
    long wordOffset = address.value() & (MAX_SIZE - 1);
    if (wordOffset + size > MAX_SIZE) {
      throw new IllegalArgumentException(lenientFormat(
          "bus write of %s bytes at %s crosses a %s-byte word boundary", size, address, MAX_SIZE));
    }
    // Not checkArgument: the hexadecimal text would be built on every bus write.
    if (size != MAX_SIZE && (value >>> (8 * size)) != 0) {
      throw new IllegalArgumentException(lenientFormat(
          "bus write value 0x%s has data beyond its %s bytes", Integer.toHexString(value), size));
    }
  }

  @Override
  public String toString() {
    return "BusWrite[" + address + " <- 0x" + Integer.toHexString(value) + " (" + size
        + " bytes) at " + time + "]";
  }
}
