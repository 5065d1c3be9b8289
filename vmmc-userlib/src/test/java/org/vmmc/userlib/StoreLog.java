package org.vmmc.userlib;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary stores into a region, made through it and logged byte by byte in program order, as
 * "offset=value" with offsets relative to where the region is bound in the destination.
 */
final class StoreLog {
  private final UserMemory region;
  private final int destinationOffset;
  private final List<String> bytes = new ArrayList<>();

  StoreLog(UserMemory region, int destinationOffset) {
    this.region = region;
    this.destinationOffset = destinationOffset;
  }

  static String entry(int offset, byte value) {
    return offset + "=" + (value & 0xFF);
  }

  /** Stores the word {@code value} at {@code offset}. */
  void putInt(int offset, int value) {
    region.putInt(offset, value);
    for (int i = 0; i < 4; i++) {
      bytes.add(entry(destinationOffset + offset + i, (byte) (value >>> (8 * i))));
    }
  }

  /** Stores {@code data} at {@code offset}. */
  void putBytes(int offset, byte[] data) {
    region.putBytes(offset, data);
    for (int i = 0; i < data.length; i++) {
      bytes.add(entry(destinationOffset + offset + i, data[i]));
    }
  }

  /** Stores the word {@code value} at {@code offset} as a pointer dereference would. */
  void storeWord(int offset, int value) {
    region.owner().storeWord(region.address().plus(offset), value);
    for (int i = 0; i < 4; i++) {
      bytes.add(entry(destinationOffset + offset + i, (byte) (value >>> (8 * i))));
    }
  }

  /** Every byte stored so far, in program order. */
  List<String> bytes() {
    return List.copyOf(bytes);
  }

  /** {@code n} bytes of a pattern that differs from byte to byte, seeded by {@code seed}. */
  static byte[] pattern(int n, int seed) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (seed + 31 * i + (i >>> 8));
    }
    return data;
  }
}
