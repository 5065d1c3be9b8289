package org.vmmc.core.nic;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.PageNumber;
import org.vmmc.core.hw.AddressSpace;

/**
 * The kernel's side of a network interface design: how the kernel programs the design's
 * tables and mappings. The kernel reaches the hardware only through this, so designs swap
 * without a change to the kernel. One per node.
 */
public interface NicDriver {

  /** The design this driver belongs to. */
  NicDesign design();

  /** Connects the interface's interrupts to the kernel. */
  void connect(NicInterrupts interrupts);

  /**
   * The kernel mapped {@code page} of {@code space} to {@code frame} for user memory; a design
   * that gives memory an alias (such as SHRIMP-II's source proxy) maps it here.
   */
  void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame);

  /** The kernel is about to unmap {@code page}; the design removes any alias it made. */
  void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame);

  /**
   * Runs {@code whenQuiet} once no outgoing DMA of the interface still has to read
   * {@code frame} (a deliberate update started from it), at once if none does: the kernel
   * zeroes a freed frame and hands it out again only then, so the engine never sends the next
   * owner's data. The wait is simulated time.
   */
  void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet);

  /** Lets packets be received into {@code frame}; {@code interrupts} allows notifications. */
  void enableReceive(FrameNumber frame, boolean interrupts);

  /** Refuses further packets for {@code frame}: they are dropped, counted and reported. */
  void disableReceive(FrameNumber frame);

  /**
   * Maps {@code buffer} into {@code space}: the design's proxy pages start at
   * {@code firstProxyPage} and it uses at most {@link #proxyPagesFor} of them. A design without
   * room for the import (table entries, send pages) throws a {@code VmmcException} with reason
   * {@code OUT_OF_MEMORY} having mapped nothing, and the kernel refuses the import with it.
   */
  ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage, RemoteBuffer buffer);

  /** How many proxy pages {@link #mapImport} needs for {@code buffer}. */
  int proxyPagesFor(RemoteBuffer buffer);

  /**
   * Removes {@code mapping} at once, so later sends through it fault, and runs
   * {@code whenDrained} once every packet sent under it (deliberate updates and the
   * automatic-update stores of bindings through it, which the kernel unbinds first) has been
   * written into the destination's memory or refused there: an end-to-end barrier, not merely
   * the last injection. Its cost is simulated time, visible in the trace (a design with an
   * in-order network sends a drain marker behind the packets and waits for its
   * acknowledgement).
   */
  void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained);

  /**
   * The node's CPU switched from one process to another: a design with user-level DMA
   * cancels a half-started transfer here.
   */
  void contextSwitched();

  /**
   * Binds local {@code frame}, mapped at {@code page} of {@code space}, for automatic update to
   * page {@code destinationPage} (counted from 0) of the buffer behind {@code mapping}: from now
   * on the interface carries every store to the frame that reaches the memory bus to the same
   * offset of that remote page, combined as {@code mode} says, each packet asking for a
   * notification when {@code notify} is set. The kernel has checked the binding and makes the
   * page write-through so its stores reach the bus.
   *
   * <p>The default refuses: a design without {@link NicFeature#AUTOMATIC_UPDATE} throws the
   * {@link UnsupportedOperationException} of {@link NicDesign#require}.
   */
  default void bindAutomaticUpdate(AddressSpace space, PageNumber page, FrameNumber frame,
      ImportMapping mapping, int destinationPage, CombiningMode mode, boolean notify) {
    design().require(NicFeature.AUTOMATIC_UPDATE, "bindAutomaticUpdate");
    throw new IllegalStateException(design().name() + " declares " + NicFeature.AUTOMATIC_UPDATE
        + " but its driver does not implement bindAutomaticUpdate");
  }

  /**
   * Ends the automatic-update binding of {@code frame}, mapped at {@code page} of
   * {@code space}: the interface takes no further store to it, sends what it still holds of it
   * (closing an open packet) and runs {@code whenDrained} once the last of those packets has
   * left. The kernel has already made the page write-back again.
   *
   * <p>The default refuses like {@link #bindAutomaticUpdate}.
   */
  default void unbindAutomaticUpdate(AddressSpace space, PageNumber page, FrameNumber frame,
      Runnable whenDrained) {
    design().require(NicFeature.AUTOMATIC_UPDATE, "unbindAutomaticUpdate");
    throw new IllegalStateException(design().name() + " declares " + NicFeature.AUTOMATIC_UPDATE
        + " but its driver does not implement unbindAutomaticUpdate");
  }
}
