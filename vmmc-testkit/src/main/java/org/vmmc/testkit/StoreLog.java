package org.vmmc.testkit;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.userlib.UserMemory;

/**
 * Ordinary stores into a region, made through it and logged byte by byte in program order, as
 * "offset=value" with offsets relative to where the region is bound in the destination: what
 * {@link Arrivals#bytes()} must show once every store has arrived, on a design with automatic
 * update.
 */
public final class StoreLog {
  private final UserMemory region;
  private final int destinationOffset;
  private final List<String> bytes = new ArrayList<>();

  /** Logs stores into {@code region}, bound at {@code destinationOffset} (bytes) of its buffer. */
  public StoreLog(UserMemory region, int destinationOffset) {
    this.region = region;
    this.destinationOffset = destinationOffset;
  }

  /** The log entry of byte {@code value} at {@code offset} (bytes) of the destination. */
  public static String entry(int offset, byte value) {
    return offset + "=" + (value & 0xFF);
  }

  /** Stores the word {@code value} at {@code offset} (bytes) of the region. */
  public void putInt(int offset, int value) {
    region.putInt(offset, value);
    for (int i = 0; i < 4; i++) {
      bytes.add(entry(destinationOffset + offset + i, (byte) (value >>> (8 * i))));
    }
  }

  /** Stores {@code data} at {@code offset} (bytes) of the region. */
  public void putBytes(int offset, byte[] data) {
    region.putBytes(offset, data);
    for (int i = 0; i < data.length; i++) {
      bytes.add(entry(destinationOffset + offset + i, data[i]));
    }
  }

  /** Stores the word {@code value} at {@code offset} (bytes) as a pointer dereference would. */
  public void storeWord(int offset, int value) {
    region.owner().storeWord(region.address().plus(offset), value);
    for (int i = 0; i < 4; i++) {
      bytes.add(entry(destinationOffset + offset + i, (byte) (value >>> (8 * i))));
    }
  }

  /** Every byte stored so far, in program order. */
  public List<String> bytes() {
    return List.copyOf(bytes);
  }

  /** {@code n} bytes of a pattern that differs from byte to byte, seeded by {@code seed}. */
  public static byte[] pattern(int n, int seed) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (seed + 31 * i + (i >>> 8));
    }
    return data;
  }
}
