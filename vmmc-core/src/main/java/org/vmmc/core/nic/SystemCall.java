package org.vmmc.core.nic;

import org.vmmc.core.stats.CounterKey;

/**
 * The system calls a process makes into its kernel. Each is also the key of the counter of its
 * calls, reported as {@code nodeN.kernel.syscalls.<name>}.
 */
public enum SystemCall implements CounterKey {
  /** Allocating user memory. */
  ALLOCATE("allocate"),
  /** Freeing user memory. */
  FREE("free"),
  /** Exporting a receive buffer. */
  EXPORT("export"),
  /** Withdrawing an export. */
  UNEXPORT("unexport"),
  /** Importing a remote receive buffer. */
  IMPORT("import"),
  /** Giving up an import. */
  UNIMPORT("unimport"),
  /** Asking who has imported a buffer. */
  IMPORTERS("importers"),
  /** Binding a local region to an imported buffer for automatic update. */
  BIND_AUTOMATIC_UPDATE("bind-automatic-update"),
  /** Undoing an automatic-update binding. */
  UNBIND_AUTOMATIC_UPDATE("unbind-automatic-update"),
  /** Sending a message through the kernel (a kernel-mediated design, or a forced trap). */
  SEND("send");

  private final String callName;

  SystemCall(String callName) {
    this.callName = callName;
  }

  /** The call's name, such as {@code bind-automatic-update}. */
  public String callName() {
    return callName;
  }

  @Override
  public String component() {
    return "kernel";
  }

  @Override
  public String id() {
    return "syscalls." + callName;
  }
}
