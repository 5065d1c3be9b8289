package org.vmmc.userlib;

import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;

/**
 * Sees every write to a node's physical memory (see {@link Inspector#onMemoryWrite}). It runs
 * inside the simulation as the write happens and may only look: it reads the range with
 * {@link Inspector#readPhysical}; calls on a process from it are refused.
 */
@FunctionalInterface
public interface MemoryWriteObserver {

  /** {@code length} bytes of {@code node}'s memory from {@code address} on were just written. */
  void written(NodeId node, PhysicalAddress address, int length);
}
