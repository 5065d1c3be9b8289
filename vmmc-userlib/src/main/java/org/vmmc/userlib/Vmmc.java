package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.kernel.KernelCalls;
import org.vmmc.kernel.KernelProcess;

/**
 * The VMMC calls of one process: export and import receive buffers, send by deliberate update,
 * bind memory for automatic update, and control notifications. Export, import, unexport,
 * unimport, the importers query, binding and unbinding are system calls; sends are not: on a
 * user-level design they are user memory references to proxy addresses only, and a bound
 * region's stores go out with no call at all.
 *
 * <p>Errors: misuse (a misaligned or out-of-range offset, a buffer of another process) throws
 * {@link IllegalArgumentException} naming the value and the limit; a call from anything but
 * the process's own code throws {@link IllegalStateException}; what the kernel refuses throws
 * {@link VmmcException} with its {@link VmmcException.Reason}.
 */
public final class Vmmc {
  private final VmmcProcess process;
  private final KernelCalls kernel;
  private final KernelProcess self;
  private final UserAccessPath accessPath;

  Vmmc(VmmcProcess process, KernelCalls kernel, KernelProcess self, UserAccessPath accessPath) {
    this.process = process;
    this.kernel = kernel;
    this.self = self;
    this.accessPath = accessPath;
  }

  /** The network interface design this node has. */
  public NicDesign design() {
    return kernel.design();
  }

  /** Exports all of {@code region} as receive buffer {@code id}, without a handler. */
  public ExportedBuffer export(UserMemory region, BufferId id, ImportPolicy policy) {
    return export(region, 0, region.length(), id, policy, null);
  }

  /** Exports all of {@code region} as buffer {@code id}, notifying {@code handler}. */
  public ExportedBuffer export(UserMemory region, BufferId id, ImportPolicy policy,
      NotificationHandler handler) {
    return export(region, 0, region.length(), id, policy, handler);
  }

  /**
   * Exports {@code length} bytes at {@code offset} of {@code region} as receive buffer
   * {@code id}, importable as {@code policy} says; {@code handler} (may be null) runs for each
   * message that asks for a notification.
   *
   * <p>The hardware protects whole pages: an importer can reach every byte of the pages the
   * buffer touches with raw references through its proxy pages, so keep private data off
   * them. A buffer that would share a page with another of this process's buffers under a
   * different policy is refused ({@link VmmcException.Reason#OVERLAPPING_EXPORT}); under the
   * same policy they may share it.
   */
  public ExportedBuffer export(UserMemory region, int offset, int length, BufferId id,
      ImportPolicy policy, NotificationHandler handler) {
    process.current();
    checkOwn(region);
    region.checkRange(offset, length);
    UserMemory buffer = region.slice(offset, length);
    return new ExportedBuffer(process, buffer, kernel.export(self, buffer.address(), length, id,
        policy, handler == null ? null : process.asOwnHandler(handler)));
  }

  /** Imports buffer {@code id} of {@code exporter}, waiting for the answer. */
  public ImportedBuffer importBuffer(ProcessId exporter, BufferId id) {
    process.current();
    return new ImportedBuffer(process, kernel.importBuffer(self, exporter, id));
  }

  /** Starts importing buffer {@code id} of {@code exporter}; the answer comes later. */
  public ImportRequest importBufferAsync(ProcessId exporter, BufferId id) {
    process.current();
    return new ImportRequest(process, kernel.importAsync(self, exporter, id));
  }

  /**
   * Sends {@code length} bytes from {@code offset} of {@code source} to {@code destOffset} of
   * {@code destination} by deliberate update; returns when the data has left this process's
   * memory, not when it arrives.
   */
  public void send(UserMemory source, int offset, ImportedBuffer destination, int destOffset,
      int length) {
    send(source, offset, destination, destOffset, length, false);
  }

  /** Like {@link #send}, and the receiver's handler runs once the data has arrived. */
  public void sendWithNotify(UserMemory source, int offset, ImportedBuffer destination,
      int destOffset, int length) {
    send(source, offset, destination, destOffset, length, true);
  }

  private void send(UserMemory source, int offset, ImportedBuffer destination, int destOffset,
      int length, boolean notify) {
    process.current();
    checkOwn(source);
    requireNonNull(destination, "destination");
    requireImportedBy(destination, process);
    checkArgument(length > 0, "message length must be positive: %s bytes", length);
    checkArgument(length % 4 == 0, "message length %s is not a whole number of 4-byte words",
        length);
    source.checkRange(offset, length);
    // Not checkArgument: the source address would be built twice on every send.
    if ((source.address().value() + offset) % 4 != 0) {
      throw new IllegalArgumentException(lenientFormat(
          "source %s is not 4-byte aligned", source.address().plus(offset)));
    }
    checkArgument(destOffset >= 0 && destOffset % 4 == 0,
        "destination offset %s is not a non-negative multiple of 4", destOffset);
    if ((long) destOffset + length > destination.length()) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at offset %s reach past the end of the %s-byte imported buffer",
          length, destOffset, destination.length()));
    }
    requireLive(destination);
    try {
      accessPath.send(self, source.address().plus(offset), destination.imported.mapping(),
          destOffset, length, notify);
    } catch (PageFaultException fault) {
      requireLive(destination);
      throw fault;
    }
  }

  /**
   * Binds {@code local} for automatic update to {@code destination} from byte {@code destOffset}
   * on, with the recommended {@link CombiningMode#TIMER_WRITE} and no notification.
   */
  public AutomaticUpdateBinding bindAutomaticUpdate(UserMemory local, ImportedBuffer destination,
      int destOffset) {
    return bindAutomaticUpdate(local, destination, destOffset, CombiningMode.TIMER_WRITE, false);
  }

  /**
   * Binds {@code local} for automatic update to {@code destination} from byte {@code
   * destOffset} on (SBL_AUMap): from now on every ordinary store to the region ({@link
   * UserMemory#putInt}, {@link UserMemory#putBytes}, {@link VmmcProcess#storeWord}) is also
   * carried to the same offset of the destination by the network interface, with no system
   * call, combined into packets as {@code mode} says; with {@code notify} the receiver's handler
   * runs once per store. What the region held before binding is not sent.
   *
   * <p>The hardware binds whole pages, so {@code local} must start on a page and be whole
   * pages, the destination buffer must start on a page of its exporter, {@code destOffset}
   * must be a page multiple, and every bound page must lie inside the buffer. A page is bound
   * at most once. Close the binding to unbind; undoing the import, or the exporter unexporting
   * the buffer, unbinds it too.
   *
   * @throws UnsupportedOperationException if the design lacks {@link
   *     NicFeature#AUTOMATIC_UPDATE}; nothing is bound
   * @throws VmmcException (REVOKED) if the import was undone or the buffer unexported
   */
  public AutomaticUpdateBinding bindAutomaticUpdate(UserMemory local, ImportedBuffer destination,
      int destOffset, CombiningMode mode, boolean notify) {
    process.current();
    kernel.design().require(NicFeature.AUTOMATIC_UPDATE, "bindAutomaticUpdate");
    checkOwn(local);
    requireNonNull(destination, "destination");
    requireNonNull(mode, "mode");
    requireImportedBy(destination, process);
    requireLive(destination);
    return new AutomaticUpdateBinding(kernel, self, local, destination,
        kernel.bindAutomaticUpdate(self, local.address(), local.length(), destination.imported,
            destOffset, mode, notify));
  }

  private void requireLive(ImportedBuffer destination) {
    if (destination.isRevoked()) {
      throw new VmmcException(VmmcException.Reason.REVOKED, destination
          + " was unexported or unimported");
    }
  }

  /** Blocks notifications for all of this process's buffers (nests). */
  public void blockNotifications() {
    process.current();
    kernel.blockNotifications(self);
  }

  /**
   * Undoes one {@link #blockNotifications}; queued notifications are delivered once none is
   * left. Inside a handler it may only undo a block the handler made.
   */
  public void unblockNotifications() {
    process.current();
    kernel.unblockNotifications(self);
  }

  /** The processes that have imported {@code buffer} (approximate). */
  public Set<ProcessId> importers(ExportedBuffer buffer) {
    process.current();
    checkArgument(buffer.owner() == process, "%s is exported by another process", buffer);
    return kernel.importers(self, buffer.id());
  }

  /**
   * Unexports {@code buffer}; returns once every importer has dropped its mapping. Unexporting
   * it again does nothing more (like {@link #unimport}, and closing a binding).
   */
  public void unexport(ExportedBuffer buffer) {
    process.current();
    checkArgument(buffer.owner() == process, "%s is exported by another process", buffer);
    kernel.unexport(self, buffer.export);
  }

  /**
   * Undoes an import; later sends to it throw {@link VmmcException} (REVOKED). Undoing it again,
   * or after the exporter unexported the buffer, does nothing more.
   */
  public void unimport(ImportedBuffer buffer) {
    process.current();
    checkArgument(buffer.owner() == process, "%s was imported by another process", buffer);
    kernel.unimport(self, buffer.imported);
  }

  private void checkOwn(UserMemory region) {
    requireNonNull(region, "region");
    checkArgument(region.owner() == process, "%s is not memory of %s", region, process.id());
  }

  // Not checkArgument: the owners' ids would be looked up on every send.
  private static void requireImportedBy(ImportedBuffer destination, VmmcProcess process) {
    if (destination.owner() != process) {
      throw new IllegalArgumentException(lenientFormat("%s was imported by %s, not by %s",
          destination, destination.owner().id(), process.id()));
    }
  }
}
