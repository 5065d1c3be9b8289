package org.vmmc.kernel;

import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;

/** A receive buffer a process has imported, as its kernel keeps it. */
public final class Import {
  final KernelProcess owner;
  final RemoteBuffer buffer;
  final ImportMapping mapping;
  /** Begun by unimport, the exporter's revocation or exit, whichever comes first. */
  final Teardown teardown;

  Import(KernelProcess owner, RemoteBuffer buffer, ImportMapping mapping) {
    this.owner = owner;
    this.buffer = buffer;
    this.mapping = mapping;
    this.teardown = new Teardown(owner.kernel.simulator(), "the " + this);
  }

  /** The exporting process. */
  public ProcessId exporter() {
    return buffer.exporter();
  }

  /** The buffer's id within the exporter. */
  public BufferId id() {
    return buffer.id();
  }

  /** The buffer's length in bytes. */
  public int length() {
    return buffer.length();
  }

  /** What the design mapped for this import; the user access path sends through it. */
  public ImportMapping mapping() {
    return mapping;
  }

  /** True once the exporter unexported the buffer or the importer undid the import. */
  public boolean isRevoked() {
    return teardown.isBegun();
  }

  @Override
  public String toString() {
    return "import of " + buffer.id() + " from " + buffer.exporter() + " by " + owner.id();
  }
}
