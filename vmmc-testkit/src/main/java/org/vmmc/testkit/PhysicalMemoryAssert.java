package org.vmmc.testkit;

import static java.util.Objects.requireNonNull;

import org.assertj.core.api.AbstractAssert;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.hw.PhysicalMemory;

/**
 * Assertions on one node's {@link PhysicalMemory}; get one from
 * {@link VmmcAssertions#assertThat(PhysicalMemory)}.
 */
public final class PhysicalMemoryAssert
    extends AbstractAssert<PhysicalMemoryAssert, PhysicalMemory> {

  PhysicalMemoryAssert(PhysicalMemory actual) {
    super(actual, PhysicalMemoryAssert.class);
  }

  /** Checks that the 4-byte word at {@code address} (word-aligned) holds {@code value}. */
  public PhysicalMemoryAssert hasWordAt(PhysicalAddress address, int value) {
    isNotNull();
    requireNonNull(address, "address");
    int found = actual.readInt(address);
    if (found != value) {
      failWithMessage("expected the word at %s to be 0x%08x, but it is 0x%08x", address, value,
          found);
    }
    return this;
  }

  /** Checks that the memory from {@code address} on holds {@code bytes}. */
  public PhysicalMemoryAssert containsAt(PhysicalAddress address, byte[] bytes) {
    isNotNull();
    requireNonNull(address, "address");
    byte[] found = new byte[bytes.length];
    actual.read(address, found, 0, bytes.length);
    String difference = MemoryContents.difference("memory", address, bytes, found);
    if (difference != null) {
      failWithMessage(difference);
    }
    return this;
  }

  /** Checks that the {@code length} bytes from {@code address} on are all zero. */
  public PhysicalMemoryAssert isZeroAt(PhysicalAddress address, int length) {
    return containsAt(address, new byte[length]);
  }
}
