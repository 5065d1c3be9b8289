package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.VirtualAddress;

/**
 * The result of translating a virtual address: the page-table entry that maps it and the
 * offset within the page.
 *
 * @param address the virtual address that was translated
 * @param entry the entry of its page
 * @param offsetInPage the byte offset of the address within its page
 * @param geometry the page size used to form physical addresses
 */
public record Translation(
    VirtualAddress address, PageTableEntry entry, int offsetInPage, MemoryGeometry geometry) {

  /** Checks that the offset lies within a page. */
  public Translation {
    requireNonNull(address, "address");
    requireNonNull(entry, "entry");
    requireNonNull(geometry, "geometry");
    checkArgument(offsetInPage >= 0 && offsetInPage < geometry.pageSize(),
        "offset %s bytes is outside the %s-byte page", offsetInPage, geometry.pageSize());
  }

  /** True when the page is a device page (an uncached reference to a device). */
  public boolean isDevice() {
    return entry.target() instanceof DevicePage;
  }

  /** The physical address of a memory-frame translation; throws for a device page. */
  public PhysicalAddress physicalAddress() {
    if (entry.target() instanceof MemoryFrame(var frame)) {
      return geometry.baseOf(frame).plus(offsetInPage);
    }
    throw new IllegalStateException(address + " maps to " + entry.target()
        + ", a device page, which has no physical memory address");
  }

  /** The device page of a device translation; throws for a memory frame. */
  public DevicePage devicePage() {
    checkState(entry.target() instanceof DevicePage,
        "%s maps to %s, not to a device page", address, entry.target());
    return (DevicePage) entry.target();
  }
}
