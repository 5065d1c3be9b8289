package org.vmmc.core.nic;

/** How a transfer mode moves a message through the user library. */
public enum TransferKind {
  /** Explicit sends ({@code Vmmc.send}), user-level or by system call as the design has it. */
  DELIBERATE_UPDATE,
  /** Ordinary stores into a page bound for automatic update; needs that feature. */
  AUTOMATIC_UPDATE
}
