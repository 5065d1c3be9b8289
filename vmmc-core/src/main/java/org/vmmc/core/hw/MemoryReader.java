package org.vmmc.core.hw;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;

/**
 * The read side of a node's physical memory: what a DMA engine that only reads memory (an
 * outgoing transfer) needs.
 *
 * <p>Words are little-endian, as on the Pentium: the byte at a word's address is its least
 * significant byte. Every access is range-checked against {@link #sizeBytes()}.
 */
public interface MemoryReader {

  /** The page (frame) and word sizes. */
  MemoryGeometry geometry();

  /** The size of the memory in bytes, a whole number of frames. */
  long sizeBytes();

  /** The number of physical frames. */
  long frameCount();

  /** The word at {@code address}, which must be word-aligned. */
  int readInt(PhysicalAddress address);

  /** The byte at {@code address}. */
  byte readByte(PhysicalAddress address);

  /** Copies {@code length} bytes from {@code address} on into {@code dst[offset...]}; may span frames. */
  void read(PhysicalAddress address, byte[] dst, int offset, int length);
}
