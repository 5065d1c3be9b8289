package org.vmmc.core.hw;

import java.util.Optional;
import java.util.SortedSet;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;

/**
 * One process's page table: virtual pages mapped to memory frames or device pages.
 *
 * <p>Only the kernel edits it; the {@link Cpu} translates every user reference through it,
 * which is the protection check of the VMMC data path. Mapping a page that is already mapped
 * is refused unless the caller says so with {@link #remap}, so a kernel bug cannot silently
 * replace a mapping.
 */
public interface AddressSpace {

  /** The page size of the mappings. */
  MemoryGeometry geometry();

  /** Maps {@code page}, which must not be mapped yet, to {@code entry}. */
  void map(PageNumber page, PageTableEntry entry);

  /** Replaces the entry of {@code page}, which must be mapped, with {@code entry}; returns the old one. */
  PageTableEntry remap(PageNumber page, PageTableEntry entry);

  /** Removes the mapping of {@code page}, which must be mapped; returns the entry it had. */
  PageTableEntry unmap(PageNumber page);

  /** The entry of {@code page}, if it is mapped. */
  Optional<PageTableEntry> entry(PageNumber page);

  /** The mapped pages, in increasing order (a snapshot). */
  SortedSet<PageNumber> mappedPages();

  /**
   * Translates {@code address} for a reference of kind {@code access} made in user mode when
   * {@code userMode} is set, or throws {@link PageFaultException} saying why it may not be made.
   */
  Translation translate(VirtualAddress address, Access access, boolean userMode);
}
