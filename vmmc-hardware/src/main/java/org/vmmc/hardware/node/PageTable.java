package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Access;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.hw.PageFaultException.Reason;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.Translation;

/**
 * A process's page table, checked like the Pentium's MMU: present, then user/supervisor,
 * then writable. Unlike a Pentium with CR0.WP clear, a supervisor store to a read-only page
 * faults too, so read-only means read-only for everyone.
 */
final class PageTable implements AddressSpace {
  private final String owner;
  private final MemoryGeometry geometry;
  private final long frameCount;
  private final long lastPage;
  private final Map<PageNumber, PageTableEntry> entries = new HashMap<>();

  /** An empty table for {@code owner} whose memory frames must lie below {@code frameCount}. */
  PageTable(String owner, MemoryGeometry geometry, long frameCount) {
    this.owner = requireNonNull(owner, "owner");
    this.geometry = requireNonNull(geometry, "geometry");
    checkArgument(frameCount > 0, "frame count must be positive: %s", frameCount);
    this.frameCount = frameCount;
    this.lastPage = VirtualAddress.MAX / geometry.pageSize();
  }

  @Override
  public MemoryGeometry geometry() {
    return geometry;
  }

  @Override
  public void map(PageNumber page, PageTableEntry entry) {
    checkMappable(page, entry);
    PageTableEntry old = entries.get(page);
    checkArgument(old == null,
        "%s of %s is already mapped to %s; use remap to replace a mapping", page, owner, old);
    entries.put(page, entry);
  }

  @Override
  public PageTableEntry remap(PageNumber page, PageTableEntry entry) {
    checkMappable(page, entry);
    checkArgument(entries.containsKey(page),
        "%s of %s is not mapped, so there is nothing to remap; use map", page, owner);
    return entries.put(page, entry);
  }

  @Override
  public PageTableEntry unmap(PageNumber page) {
    requireNonNull(page, "page");
    PageTableEntry old = entries.remove(page);
    checkArgument(old != null, "%s of %s is not mapped, so it cannot be unmapped", page, owner);
    return old;
  }

  @Override
  public Optional<PageTableEntry> entry(PageNumber page) {
    return Optional.ofNullable(entries.get(requireNonNull(page, "page")));
  }

  @Override
  public SortedSet<PageNumber> mappedPages() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
  }

  @Override
  public Translation translate(VirtualAddress address, Access access, boolean userMode) {
    requireNonNull(access, "access");
    PageNumber page = geometry.pageOf(address);
    PageTableEntry entry = entries.get(page);
    if (entry == null) {
      throw fault(address, access, userMode, Reason.NOT_MAPPED, page + " has no mapping");
    }
    if (!entry.present()) {
      throw fault(address, access, userMode, Reason.NOT_PRESENT,
          page + " maps " + entry.target() + " but is not present");
    }
    if (userMode && !entry.user()) {
      throw fault(address, access, userMode, Reason.SUPERVISOR_ONLY,
          page + " is for the supervisor only");
    }
    if (access == Access.WRITE && !entry.writable()) {
      throw fault(address, access, userMode, Reason.WRITE_PROTECTED, page + " is read-only");
    }
    return new Translation(address, entry, geometry.offsetInPage(address.value()), geometry);
  }

  private PageFaultException fault(
      VirtualAddress address, Access access, boolean userMode, Reason reason, String detail) {
    return new PageFaultException(address, access, userMode, reason, detail + " in " + owner);
  }

  private void checkMappable(PageNumber page, PageTableEntry entry) {
    requireNonNull(page, "page");
    requireNonNull(entry, "entry");
    checkArgument(page.value() <= lastPage,
        "%s is beyond the last virtual page %s", page, lastPage);
    if (entry.target() instanceof MemoryFrame(var frame)) {
      checkArgument(frame.value() < frameCount,
          "%s is beyond physical memory of %s frames", frame, frameCount);
    }
  }

  @Override
  public String toString() {
    return "AddressSpace[" + owner + ", " + entries.size() + " pages mapped]";
  }
}
