package org.vmmc.kernel;

import java.util.Set;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicDesign;

/**
 * The calls a user library makes into its node's kernel on behalf of one of the node's
 * processes, {@code caller}; each is a system call unless it says otherwise.
 *
 * <p>Errors: misuse (a misaligned address, another process's object) throws {@link
 * IllegalArgumentException} or {@link IllegalStateException}; what the kernel refuses throws
 * {@link org.vmmc.core.VmmcException} with its reason.
 *
 * <p>Teardown ({@link #unexport}, {@link #unimport}, {@link #unbindAutomaticUpdate},
 * {@link #free} and a process's exit) is safe against whatever else runs while it waits: a
 * revocation from the exporter, the process's notification handler, another process of the
 * node. Each object is torn down once; the step that finds it already gone does nothing more.
 */
public interface KernelCalls {

  /** The network interface design of the node (not a system call). */
  NicDesign design();

  /** Allocates {@code bytes} of zeroed user memory, rounded up to whole pages. */
  VirtualAddress allocate(KernelProcess caller, int bytes);

  /** Frees the allocation that starts at {@code base}; it must not hold an exported buffer. */
  void free(KernelProcess caller, VirtualAddress base);

  /**
   * Exports {@code length} bytes at {@code start} as receive buffer {@code id}.
   *
   * <p>The network interface checks incoming packets per frame, so an importer of the buffer
   * can reach every byte of the pages it touches with raw references through its proxy
   * pages; the library's bounds checks hold only for its own calls. So the kernel refuses,
   * with {@code OVERLAPPING_EXPORT}, a buffer that would share a page with another buffer of
   * the process under a different import policy; buffers under equal policies may share a
   * page (SHRIMP requires word alignment only), as their importers may import both anyway.
   */
  Export export(KernelProcess caller, VirtualAddress start, int length, BufferId id,
      ImportPolicy policy, NotificationHandler handler);

  /**
   * Unexports {@code export}; returns once every importer has dropped its mapping and nothing
   * it sent can still land. Unexporting a buffer already unexported does nothing more than
   * wait for that to be true.
   */
  void unexport(KernelProcess caller, Export export);

  /** Starts importing buffer {@code id} of {@code exporter}; the answer comes later. */
  PendingImport importAsync(KernelProcess caller, ProcessId exporter, BufferId id);

  /** Imports buffer {@code id} of {@code exporter}, waiting for the exporter's kernel. */
  Import importBuffer(KernelProcess caller, ProcessId exporter, BufferId id);

  /**
   * Undoes {@code imported}; returns once no transfer through it is outstanding. Undoing an
   * import already undone (by this call, or by the exporter unexporting the buffer) does
   * nothing more than wait for that to be true, as {@link #unexport} does for a buffer.
   */
  void unimport(KernelProcess caller, Import imported);

  /** The processes that have imported {@code id} (approximate: imports in flight may be missing). */
  Set<ProcessId> importers(KernelProcess caller, BufferId id);

  /**
   * Binds {@code length} bytes of {@code caller}'s memory at {@code local} (whole pages) for
   * automatic update to byte {@code offset} (a page multiple) of {@code destination}: every
   * later store to the region also goes to the buffer, combined as {@code mode} says, each
   * packet asking for a notification when {@code notify} is set. A design without automatic
   * update refuses with an {@link UnsupportedOperationException}.
   */
  AuBinding bindAutomaticUpdate(KernelProcess caller, VirtualAddress local, int length,
      Import destination, int offset, CombiningMode mode, boolean notify);

  /**
   * Ends {@code binding}: later stores stay local; returns once the stores made under it have
   * left the network interface. Does nothing more for a binding already ended.
   */
  void unbindAutomaticUpdate(KernelProcess caller, AuBinding binding);

  /** Blocks notifications for every buffer of {@code caller} (nests; not a system call). */
  void blockNotifications(KernelProcess caller);

  /** Undoes one {@link #blockNotifications}; queued notifications run once none is left. */
  void unblockNotifications(KernelProcess caller);

  /**
   * Lets {@code duration} pass with {@code caller} idle: unlike computing, it gives the CPU to
   * other threads meanwhile (the trap of a real sleep call is not charged).
   */
  void sleep(KernelProcess caller, SimDuration duration);
}
