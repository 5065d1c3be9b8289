package org.vmmc.core.hw;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.VirtualAddress;

/**
 * A memory reference that the MMU refused: the process named an address it may not use in
 * that way. The reference had no effect (nothing read, nothing written).
 */
public final class PageFaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the MMU refused the reference. */
  public enum Reason {
    /** No entry maps the page. */
    NOT_MAPPED,
    /** The page's entry is not marked present. */
    NOT_PRESENT,
    /** A store to a page that is not writable. */
    WRITE_PROTECTED,
    /** A user-mode reference to a supervisor-only page. */
    SUPERVISOR_ONLY
  }

  private final transient VirtualAddress address;
  private final Access access;
  private final boolean userMode;
  private final Reason reason;

  /** A fault on a {@code access} of {@code address}, for {@code reason}; {@code detail} explains it. */
  public PageFaultException(
      VirtualAddress address, Access access, boolean userMode, Reason reason, String detail) {
    super("page fault: " + requireNonNull(access, "access").label() + " of "
        + requireNonNull(address, "address") + " in " + (userMode ? "user" : "supervisor")
        + " mode: " + requireNonNull(reason, "reason") + " (" + detail + ")");
    this.address = address;
    this.access = access;
    this.userMode = userMode;
    this.reason = reason;
  }

  /** The virtual address that faulted. */
  public VirtualAddress address() {
    return address;
  }

  /** The kind of reference that faulted. */
  public Access access() {
    return access;
  }

  /** True when the reference was made in user mode. */
  public boolean userMode() {
    return userMode;
  }

  /** Why the reference was refused. */
  public Reason reason() {
    return reason;
  }
}
