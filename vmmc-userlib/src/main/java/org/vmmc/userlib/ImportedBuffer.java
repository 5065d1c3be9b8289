package org.vmmc.userlib;

import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.kernel.Import;

/**
 * A receive buffer of another process that this process imported: a destination for
 * {@link Vmmc#send}. Its addresses are proxy addresses in this process's address space.
 */
public final class ImportedBuffer {
  private final VmmcProcess owner;
  final Import imported;

  ImportedBuffer(VmmcProcess owner, Import imported) {
    this.owner = owner;
    this.imported = imported;
  }

  /** The exporting process. */
  public ProcessId exporter() {
    return imported.exporter();
  }

  /** The buffer's id within the exporter. */
  public BufferId id() {
    return imported.id();
  }

  /** The buffer's length in bytes. */
  public int length() {
    return imported.length();
  }

  /** True once the exporter unexported it or this process unimported it. */
  public boolean isRevoked() {
    return imported.isRevoked();
  }

  VmmcProcess owner() {
    return owner;
  }

  @Override
  public String toString() {
    return "imported " + imported.id() + " of " + imported.exporter();
  }
}
