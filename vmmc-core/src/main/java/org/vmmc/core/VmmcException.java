package org.vmmc.core;

import static java.util.Objects.requireNonNull;

/**
 * A VMMC request that the kernel refused. Misuse by the caller (a misaligned address, an
 * offset past the end of a buffer) is an {@link IllegalArgumentException} or
 * {@link IllegalStateException} instead; this exception is for what the other side or the
 * system decided.
 */
public final class VmmcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused; the SBL error code of the original library in brackets. */
  public enum Reason {
    /** No buffer with that id is exported by that process (SBL: no such buffer). */
    NO_SUCH_EXPORT,
    /** The exporter's import policy does not include the importer (SBL: permission denied). */
    PERMISSION_DENIED,
    /** The buffer was unexported, or the import was undone, before this use (SBL: invalid). */
    REVOKED,
    /** The process already exports a buffer with that id (SBL: id in use). */
    DUPLICATE_BUFFER_ID,
    /** The region overlaps a receive buffer the process already exports (SBL: overlap). */
    OVERLAPPING_EXPORT,
    /** The kernel has no frames or address space left for the request (SBL: no memory). */
    OUT_OF_MEMORY,
    /** The target process does not exist or has exited (SBL: no such process). */
    NO_SUCH_PROCESS
  }

  private final Reason reason;

  /** A refusal for {@code reason}, described by {@code message}. */
  public VmmcException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = requireNonNull(reason, "reason");
  }

  /** Why the request was refused. */
  public Reason reason() {
    return reason;
  }
}
