package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;

/**
 * The page and word sizes of a node's memory system.
 *
 * <p>SHRIMP maps memory per 4 KB page and transfers 4-byte words (stated); {@link #SHRIMP} is
 * that preset and the default everywhere. Both sizes are powers of two and a page holds a
 * whole number of words.
 *
 * @param pageSize bytes per page (and per physical frame)
 * @param wordSize bytes per word, the unit of alignment for communication buffers
 */
public record MemoryGeometry(int pageSize, int wordSize) {

  /** The SHRIMP geometry: 4096-byte pages, 4-byte words. */
  public static final MemoryGeometry SHRIMP = new MemoryGeometry(4096, 4);

  /** Checks that both sizes are powers of two and that a word fits in a page. */
  public MemoryGeometry {
    checkArgument(pageSize > 0 && Integer.bitCount(pageSize) == 1,
        "page size must be a power of two: %s bytes", pageSize);
    checkArgument(wordSize > 0 && Integer.bitCount(wordSize) == 1,
        "word size must be a power of two: %s bytes", wordSize);
    checkArgument(wordSize <= pageSize,
        "word size %s bytes exceeds page size %s bytes", wordSize, pageSize);
  }

  /** The virtual page that holds {@code address}. */
  public PageNumber pageOf(VirtualAddress address) {
    return new PageNumber(address.value() / pageSize);
  }

  /** The physical frame that holds {@code address}. */
  public FrameNumber frameOf(PhysicalAddress address) {
    return new FrameNumber(address.value() / pageSize);
  }

  /** The first address of {@code page}. */
  public VirtualAddress baseOf(PageNumber page) {
    return VirtualAddress.of(Math.multiplyExact(page.value(), (long) pageSize));
  }

  /** The first address of {@code frame}. */
  public PhysicalAddress baseOf(FrameNumber frame) {
    return PhysicalAddress.of(Math.multiplyExact(frame.value(), (long) pageSize));
  }

  /** The offset of {@code address} within its page, in bytes. */
  public int offsetInPage(long address) {
    return (int) (address & (pageSize - 1));
  }

  /** True when {@code address} is a multiple of the word size. */
  public boolean isWordAligned(long address) {
    return (address & (wordSize - 1)) == 0;
  }

  /** True when {@code address} is a multiple of the page size. */
  public boolean isPageAligned(long address) {
    return (address & (pageSize - 1)) == 0;
  }

  /** The number of pages touched by {@code length} bytes starting at {@code address}. */
  public int pagesSpanned(long address, long length) {
    checkArgument(address >= 0, "address must not be negative: %s", address);
    checkArgument(length > 0, "length must be positive: %s bytes", length);
    long first = address / pageSize;
    long last = (Math.addExact(address, length) - 1) / pageSize;
    return Math.toIntExact(last - first + 1);
  }

  /** Throws unless {@code address} is word-aligned; {@code what} names it in the message. */
  public void requireWordAligned(long address, String what) {
    // Not checkArgument: the hexadecimal text would be built on every memory reference.
    if (!isWordAligned(address)) {
      throw new IllegalArgumentException(lenientFormat(
          "%s 0x%s is not aligned to the %s-byte word", what, Long.toHexString(address), wordSize));
    }
  }

  /** Throws unless {@code address} is page-aligned; {@code what} names it in the message. */
  public void requirePageAligned(long address, String what) {
    if (!isPageAligned(address)) {
      throw new IllegalArgumentException(lenientFormat(
          "%s 0x%s is not aligned to the %s-byte page", what, Long.toHexString(address), pageSize));
    }
  }
}
