package org.vmmc.userlib;

import org.vmmc.core.BufferId;
import org.vmmc.kernel.Export;

/** A receive buffer this process exports. */
public final class ExportedBuffer {
  private final VmmcProcess owner;
  private final UserMemory memory;
  final Export export;

  ExportedBuffer(VmmcProcess owner, UserMemory memory, Export export) {
    this.owner = owner;
    this.memory = memory;
    this.export = export;
  }

  /** The buffer's id. */
  public BufferId id() {
    return export.id();
  }

  /** The memory the buffer consists of: where data sent to it lands. */
  public UserMemory memory() {
    return memory;
  }

  /** The buffer's length in bytes. */
  public int length() {
    return memory.length();
  }

  /** True once unexported. */
  public boolean isUnexported() {
    return export.isWithdrawn();
  }

  VmmcProcess owner() {
    return owner;
  }

  @Override
  public String toString() {
    return "exported " + export.id() + " (" + memory + ")";
  }
}
