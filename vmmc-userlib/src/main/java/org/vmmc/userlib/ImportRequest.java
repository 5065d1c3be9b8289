package org.vmmc.userlib;

import org.vmmc.kernel.PendingImport;

/** An import started with {@link Vmmc#importBufferAsync}; the answer comes later. */
public final class ImportRequest {
  private final VmmcProcess owner;
  private final PendingImport pending;

  ImportRequest(VmmcProcess owner, PendingImport pending) {
    this.owner = owner;
    this.pending = pending;
  }

  /** True once the exporter's kernel has answered. */
  public boolean isDone() {
    return pending.isDone();
  }

  /** Waits for the answer: the imported buffer, or the refusal as a VmmcException. */
  public ImportedBuffer await() {
    owner.current();
    return new ImportedBuffer(owner, pending.await());
  }
}
