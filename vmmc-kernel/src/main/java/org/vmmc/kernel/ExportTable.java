package org.vmmc.kernel;

import java.util.List;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.nic.NicDriver;

/**
 * A node's export table: the receive buffers each process exports, by buffer id, and the
 * interface's incoming table kept to match ({@link ExportedFrames}). It is the one place an
 * export is entered or removed, so the checks that keep buffers apart are made here.
 *
 * <p>The rule for pages: the interface accepts a packet for any byte of an enabled frame, and
 * an importer's proxy pages map whole frames, so an export grants its importers every page it
 * touches, not only its own bytes. Two buffers of a process may share a page only under equal
 * import policies (SHRIMP needs word alignment only, and whoever may import one may import
 * the other anyway); a buffer that would share a page with one under another policy is
 * refused with {@code OVERLAPPING_EXPORT}. What else the process keeps on those pages is
 * exposed to the importers too: keep private data off exported pages.
 */
final class ExportTable {
  private final MemoryGeometry geometry;
  private final ExportedFrames frames;
  private long nextGeneration;

  ExportTable(NicDriver driver, MemoryGeometry geometry) {
    this.geometry = geometry;
    this.frames = new ExportedFrames(driver, geometry);
  }

  /** {@code owner}'s export of {@code id}, or null. */
  Export find(KernelProcess owner, BufferId id) {
    return owner.exports.get(id);
  }

  /** {@code owner}'s exports, in export order. */
  List<Export> of(KernelProcess owner) {
    return List.copyOf(owner.exports.values());
  }

  /**
   * Enters a new export of {@code length} bytes at {@code start} of {@code owner}, held by
   * {@code bufferFrames}, and enables receiving into them; refuses a duplicate id and a buffer
   * that overlaps another of the process.
   */
  Export add(KernelProcess owner, BufferId id, VirtualAddress start, int length,
      List<FrameNumber> bufferFrames, ImportPolicy policy, NotificationHandler handler) {
    if (owner.exports.containsKey(id)) {
      throw new VmmcException(Reason.DUPLICATE_BUFFER_ID, owner.id() + " already exports " + id);
    }
    for (Export e : owner.exports.values()) {
      if (e.overlaps(start.value(), start.value() + length)) {
        throw new VmmcException(Reason.OVERLAPPING_EXPORT, length + " bytes at " + start
            + " overlap " + e);
      }
      if (!e.policy.equals(policy)) {
        for (FrameNumber f : bufferFrames) {
          if (e.frames.contains(f)) {
            throw new VmmcException(Reason.OVERLAPPING_EXPORT, length + " bytes at " + start
                + " share a page with " + e + " under another import policy (" + e.policy
                + ", not " + policy + "): an importer of either buffer reaches the whole page");
          }
        }
      }
    }
    Export e = new Export(owner, id, start, length, bufferFrames,
        geometry.offsetInPage(start.value()), policy, handler, nextGeneration++);
    owner.exports.put(id, e);
    frames.add(e);
    return e;
  }

  /** Removes {@code e} and disables its frames; false if it was removed already. */
  boolean remove(Export e) {
    if (e.owner.exports.get(e.id) != e) {
      return false;
    }
    e.owner.exports.remove(e.id);
    frames.remove(e);
    return true;
  }

  /** The export with a handler whose buffer holds {@code address}, or null. */
  ExportedFrames.Hit find(PhysicalAddress address) {
    return frames.find(address);
  }
}
