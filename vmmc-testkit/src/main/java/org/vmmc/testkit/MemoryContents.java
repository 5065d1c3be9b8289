package org.vmmc.testkit;

import java.util.Arrays;
import org.vmmc.core.PhysicalAddress;

/** The comparison the memory assertions share: bytes found against bytes expected. */
final class MemoryContents {
  private MemoryContents() {}

  /** The little-endian word of the four bytes. */
  static int word(byte[] b) {
    return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
  }

  /** Null when {@code found} equals {@code expected}, else what differs, for a failure message. */
  static String difference(String where, PhysicalAddress address, byte[] expected,
      byte[] found) {
    int i = Arrays.mismatch(expected, found);
    if (i < 0) {
      return null;
    }
    return String.format("expected %s bytes at %s of %s as given, but byte %s (at %s) is 0x%02x,"
        + " not 0x%02x", expected.length, address, where, i, address.plus(i), found[i] & 0xFF,
        expected[i] & 0xFF);
  }
}
