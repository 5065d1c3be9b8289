package org.vmmc.core.nic;

import org.vmmc.core.stats.CounterKey;

/**
 * The system calls a process makes into its kernel. Each is also the key of the counter of its
 * calls, reported as {@code nodeN.kernel.syscalls.<name>}.
 */
public enum SystemCall implements CounterKey {
  /** Allocating user memory. */
  ALLOCATE,
  /** Freeing user memory. */
  FREE,
  /** Exporting a receive buffer. */
  EXPORT,
  /** Withdrawing an export. */
  UNEXPORT,
  /** Importing a remote receive buffer. */
  IMPORT,
  /** Giving up an import. */
  UNIMPORT,
  /** Asking who has imported a buffer. */
  IMPORTERS,
  /** Binding a local region to an imported buffer for automatic update. */
  BIND_AUTOMATIC_UPDATE,
  /** Undoing an automatic-update binding. */
  UNBIND_AUTOMATIC_UPDATE,
  /** Sending a message through the kernel (a kernel-mediated design, or a forced trap). */
  SEND;

  @Override
  public String component() {
    return "kernel";
  }

  /** {@code syscalls.<call>}, such as {@code syscalls.bind-automatic-update}. */
  @Override
  public String id() {
    return "syscalls." + CounterKey.super.id();
  }
}
