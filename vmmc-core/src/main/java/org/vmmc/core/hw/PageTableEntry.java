package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One entry of a process's page table.
 *
 * <p>The flags mirror the Pentium's page-table-entry bits:
 * <pre>
 *   present      P    the mapping may be used; otherwise a reference faults (NOT_PRESENT)
 *   writable     R/W  stores are allowed; otherwise they fault (WRITE_PROTECTED)
 *   user         U/S  user-mode references are allowed; otherwise they fault (SUPERVISOR_ONLY)
 *   writeThrough PWT  stores to the frame also go out on the memory bus, where a NIC can
 *                     snoop them (pages bound for automatic update, inferred)
 * </pre>
 * Device pages are always uncached, so write-through applies to memory frames only.
 *
 * @param target the frame or device page the entry maps to
 * @param present whether the mapping may be used
 * @param writable whether stores are allowed
 * @param user whether user-mode references are allowed
 * @param writeThrough whether stores to a memory frame are written through to the memory bus
 */
public record PageTableEntry(
    PageTarget target, boolean present, boolean writable, boolean user, boolean writeThrough) {

  /** Checks that the target is given and that write-through is asked only of a memory frame. */
  public PageTableEntry {
    requireNonNull(target, "target");
    checkArgument(!writeThrough || target instanceof MemoryFrame,
        "write-through applies to memory frames only, not to uncached %s", target);
  }

  /** A present, writable, user-accessible, write-back mapping of {@code target}. */
  public static PageTableEntry userReadWrite(PageTarget target) {
    return new PageTableEntry(target, true, true, true, false);
  }

  /** A present, read-only, user-accessible, write-back mapping of {@code target}. */
  public static PageTableEntry userReadOnly(PageTarget target) {
    return new PageTableEntry(target, true, false, true, false);
  }

  /** A present, writable, supervisor-only, write-back mapping of {@code target}. */
  public static PageTableEntry kernelReadWrite(PageTarget target) {
    return new PageTableEntry(target, true, true, false, false);
  }

  /** This entry pointing at {@code newTarget}. */
  public PageTableEntry withTarget(PageTarget newTarget) {
    return new PageTableEntry(newTarget, present, writable, user, writeThrough);
  }

  /** This entry with the present bit set to {@code value}. */
  public PageTableEntry withPresent(boolean value) {
    return new PageTableEntry(target, value, writable, user, writeThrough);
  }

  /** This entry with the writable bit set to {@code value}. */
  public PageTableEntry withWritable(boolean value) {
    return new PageTableEntry(target, present, value, user, writeThrough);
  }

  /** This entry with the user bit set to {@code value}. */
  public PageTableEntry withUser(boolean value) {
    return new PageTableEntry(target, present, writable, value, writeThrough);
  }

  /** This entry with the write-through bit set to {@code value}. */
  public PageTableEntry withWriteThrough(boolean value) {
    return new PageTableEntry(target, present, writable, user, value);
  }

  @Override
  public String toString() {
    return "PTE[" + target + (present ? " P" : " -") + (writable ? " RW" : " RO")
        + (user ? " U" : " S") + (writeThrough ? " WT" : " WB") + "]";
  }
}
