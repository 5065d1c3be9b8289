package org.vmmc.core.hw;

/**
 * A node's physical memory, in frames of {@link org.vmmc.core.MemoryGeometry#pageSize()} bytes.
 *
 * <p>Memory is zeroed at boot: every byte reads as zero until it is written. An
 * implementation may hold storage only for frames that have been written, which
 * {@link #backedFrameCount()} reports.
 */
public interface PhysicalMemory extends MemoryReader, MemoryWriter {

  /** The number of frames that hold storage of their own (at most {@link #frameCount()}). */
  long backedFrameCount();

  /** Tells {@code listener} of every later write (or clear) of this memory. */
  void addWriteListener(WriteListener listener);
}
