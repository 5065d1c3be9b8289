package org.vmmc.core.hw;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.PhysicalAddress;

/**
 * The write side of a node's physical memory: what a component that deposits data (the
 * CPU, an incoming DMA engine) needs. Words are little-endian, as in {@link MemoryReader}.
 */
public interface MemoryWriter {

  /** Stores {@code value} at {@code address}, which must be word-aligned. */
  void writeInt(PhysicalAddress address, int value);

  /** Stores {@code value} at {@code address}. */
  void writeByte(PhysicalAddress address, byte value);

  /** Copies {@code length} bytes of {@code src[offset...]} to {@code address} on; may span frames. */
  void write(PhysicalAddress address, byte[] src, int offset, int length);

  /** Sets every byte of {@code frame} to zero (a kernel clearing a frame before reuse). */
  void clearFrame(FrameNumber frame);
}
