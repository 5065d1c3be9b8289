package org.vmmc.hardware.node;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.PhysicalMemory;

/** Creates page tables whose memory frames must lie within one node's physical memory. */
final class PageTableFactory implements AddressSpaceFactory {
  private final PhysicalMemory memory;

  PageTableFactory(PhysicalMemory memory) {
    this.memory = requireNonNull(memory, "memory");
  }

  @Override
  public AddressSpace create(String owner) {
    return new PageTable(owner, memory.geometry(), memory.frameCount());
  }
}
