package org.vmmc.kernel;

import java.util.List;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.CombiningMode;

/**
 * An automatic-update binding as its kernel keeps it: whole local pages of a process bound to
 * whole pages of a buffer it imported, page {@code i} of the region to page
 * {@code destinationOffset / pageSize + i} of the buffer.
 */
public final class AuBinding {
  final KernelProcess owner;
  final VirtualAddress local;
  final int length;
  final Import destination;
  final int destinationOffset;
  final CombiningMode mode;
  final boolean notifies;
  final List<PageNumber> pages;
  final List<FrameNumber> frames;
  /** Begun by unbind, or by the end of the import it goes through; finished once drained. */
  final Teardown teardown;
  /** True once the interface has let go of every page (its stores may still be leaving). */
  boolean released;
  final List<Runnable> whenReleased = new java.util.ArrayList<>();

  AuBinding(KernelProcess owner, VirtualAddress local, int length, Import destination,
      int destinationOffset, CombiningMode mode, boolean notifies, List<PageNumber> pages,
      List<FrameNumber> frames) {
    this.owner = owner;
    this.local = local;
    this.length = length;
    this.destination = destination;
    this.destinationOffset = destinationOffset;
    this.mode = mode;
    this.notifies = notifies;
    this.pages = List.copyOf(pages);
    this.frames = List.copyOf(frames);
    this.teardown = new Teardown(owner.kernel.simulator(), "the " + this);
  }

  /** The first address of the bound local region. */
  public VirtualAddress local() {
    return local;
  }

  /** The length of the bound region in bytes, a whole number of pages. */
  public int length() {
    return length;
  }

  /** The import the stores go to. */
  public Import destination() {
    return destination;
  }

  /** Where in the imported buffer the region's first byte goes, in bytes (a page multiple). */
  public int destinationOffset() {
    return destinationOffset;
  }

  /** How stores are combined into packets. */
  public CombiningMode mode() {
    return mode;
  }

  /** True when every store asks the receiver for a notification. */
  public boolean notifies() {
    return notifies;
  }

  /** True once the binding has ended: unbound, its import undone or its buffer unexported. */
  public boolean isUnbound() {
    return teardown.isBegun();
  }

  boolean overlaps(long from, long to) {
    return local.value() < to && from < local.value() + length;
  }

  @Override
  public String toString() {
    return "automatic-update binding of " + length + " bytes at " + local + " to offset "
        + destinationOffset + " of " + destination.id() + " of " + destination.exporter() + " ("
        + mode + (notifies ? ", notify" : "") + ")";
  }
}
