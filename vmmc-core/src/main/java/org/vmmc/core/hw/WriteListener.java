package org.vmmc.core.hw;

import org.vmmc.core.PhysicalAddress;

/**
 * Told of every write to a node's physical memory, by the CPU or by DMA. It lets a poll loop
 * wait for memory to change without simulating each of its iterations.
 */
@FunctionalInterface
public interface WriteListener {

  /** {@code length} bytes at {@code address} were just written. */
  void written(PhysicalAddress address, int length);
}
