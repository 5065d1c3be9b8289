package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;

import org.vmmc.core.VirtualAddress;

/**
 * A region of a process's own virtual memory. Every access is an ordinary load or store by the
 * node's CPU through the process's page table, so it costs CPU time, faults where the process
 * has no mapping, and, on pages bound for automatic update, is seen by the network interface.
 * Only the code of the process that allocated it may use it (anything else gets an
 * {@link IllegalStateException}); an offset or count outside the region is an
 * {@link IllegalArgumentException} naming the value and the region's length.
 */
public final class UserMemory {
  private final VmmcProcess owner;
  private final VirtualAddress address;
  private final int length;

  UserMemory(VmmcProcess owner, VirtualAddress address, int length) {
    this.owner = owner;
    this.address = address;
    this.length = length;
  }

  /** The region's first virtual address. */
  public VirtualAddress address() {
    return address;
  }

  /** The region's length in bytes. */
  public int length() {
    return length;
  }

  /** The process whose memory this is. */
  public VmmcProcess owner() {
    return owner;
  }

  /** The 4-byte word at {@code offset}. */
  public int getInt(int offset) {
    checkWord(offset);
    return owner.cpuLoad(address.plus(offset));
  }

  /** Stores {@code value} in the 4-byte word at {@code offset}. */
  public void putInt(int offset, int value) {
    checkWord(offset);
    owner.cpuStore(address.plus(offset), value);
  }

  /** A copy of {@code count} bytes from {@code offset}. */
  public byte[] getBytes(int offset, int count) {
    checkRange(offset, count);
    byte[] bytes = new byte[count];
    owner.cpuRead(address.plus(offset), bytes, 0, count);
    return bytes;
  }

  /** Stores {@code bytes} at {@code offset}. */
  public void putBytes(int offset, byte[] bytes) {
    checkRange(offset, bytes.length);
    owner.cpuWrite(address.plus(offset), bytes, 0, bytes.length);
  }

  /** The region of {@code count} bytes at {@code offset} of this one. */
  public UserMemory slice(int offset, int count) {
    checkRange(offset, count);
    return new UserMemory(owner, address.plus(offset), count);
  }

  /** Checks that {@code count} bytes at {@code offset} lie inside the region. */
  void checkRange(int offset, int count) {
    checkArgument(count >= 0, "byte count must not be negative: %s", count);
    // In long arithmetic: offset + count must not wrap past Integer.MAX_VALUE into range.
    // Not checkArgument: its three arguments would be boxed on every access.
    if (offset < 0 || (long) offset + count > length) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at offset %s reach outside the %s-byte region", count, offset, length));
    }
  }

  private void checkWord(int offset) {
    checkArgument(offset >= 0 && (long) offset + 4 <= length,
        "word offset %s is outside the %s-byte region", offset, length);
    checkArgument((offset & 3) == 0 && (address.value() & 3) == 0,
        "word at offset %s of %s is not 4-byte aligned", offset, address);
  }

  @Override
  public String toString() {
    return length + " bytes at " + address + " of " + owner.id();
  }
}
