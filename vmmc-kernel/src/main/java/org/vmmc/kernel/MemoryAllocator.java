package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.Signal;

/**
 * A node's user memory: hands frames to processes, maps them at fresh page-aligned virtual
 * addresses (and tells the design, which may map an alias), and takes them back zeroed, so no
 * process ever reads another's data. There is no paging: allocated memory stays pinned.
 */
final class MemoryAllocator {
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final NicDriver driver;
  private final FrameAllocator frames;

  MemoryAllocator(PhysicalMemory memory, NicDriver driver, int reservedFrames) {
    this.memory = memory;
    this.geometry = memory.geometry();
    this.driver = driver;
    checkArgument(reservedFrames < memory.frameCount(),
        "reservedFrames %s leaves no user memory in %s frames", reservedFrames,
        memory.frameCount());
    this.frames = new FrameAllocator(reservedFrames, Math.toIntExact(memory.frameCount()));
  }

  int framesInUse() {
    return frames.framesInUse();
  }

  /**
   * Maps {@code pages} fresh pages into {@code owner}'s user memory; returns the first. All or
   * nothing: a refusal (no address space, too few frames) takes no frame and maps no page.
   */
  VirtualAddress allocate(KernelProcess owner, int pages) {
    long base = owner.nextUserAddress;
    long end = base + (long) pages * geometry.pageSize();
    if (end > VirtualLayout.USER_LIMIT) {
      throw new VmmcException(Reason.OUT_OF_MEMORY, pages + " pages do not fit in the "
          + (VirtualLayout.USER_LIMIT - base) + " bytes of address space left");
    }
    if (pages > frames.framesFree()) {
      throw new VmmcException(Reason.OUT_OF_MEMORY, pages + " pages need " + pages
          + " frames, but only " + frames.framesFree() + " are free");
    }
    int mapped = 0;
    try {
      for (; mapped < pages; mapped++) {
        PageNumber page = pageAt(base, mapped);
        FrameNumber frame = frames.allocate();
        owner.space.map(page, PageTableEntry.userReadWrite(new MemoryFrame(frame)));
        driver.memoryMapped(owner.space, page, frame);
      }
    } catch (RuntimeException failure) {
      undo(owner, base, mapped);
      throw failure;
    }
    owner.nextUserAddress = end;
    owner.allocations.put(base, new KernelProcess.Allocation(base, pages));
    return VirtualAddress.of(base);
  }

  /**
   * Unmaps {@code a} from {@code owner} at once, then waits (the calling thread of
   * {@code owner} blocks) until the interface no longer reads any of its frames, and frees them,
   * zeroed: a frame is never reused while a transfer started from it can still send it.
   */
  void release(KernelProcess owner, KernelProcess.Allocation a) {
    List<FrameNumber> released = new ArrayList<>(a.pages());
    for (int i = 0; i < a.pages(); i++) {
      PageNumber page = pageAt(a.base(), i);
      PageTableEntry entry = owner.space.unmap(page);
      FrameNumber frame = ((MemoryFrame) entry.target()).frame();
      driver.memoryUnmapped(owner.space, page, frame);
      released.add(frame);
    }
    int[] busy = {released.size()};
    Signal quiet = owner.kernel.simulator().signal(
        "outgoing DMA to finish reading the frames " + owner.id() + " freed");
    for (FrameNumber frame : released) {
      driver.whenFrameQuiet(frame, () -> {
        busy[0]--;
        quiet.signalAll();
      });
    }
    if (busy[0] > 0) {
      owner.process().awaitUntil(quiet, () -> busy[0] == 0);
    }
    for (FrameNumber frame : released) {
      memory.clearFrame(frame);
      frames.free(frame);
    }
  }

  /** Takes back the first {@code mapped} pages at {@code base} of an allocation that failed. */
  private void undo(KernelProcess owner, long base, int mapped) {
    for (int i = mapped; i >= 0; i--) {
      PageNumber page = pageAt(base, i);
      if (owner.space.entry(page).isEmpty()) {
        continue;
      }
      FrameNumber frame = ((MemoryFrame) owner.space.unmap(page).target()).frame();
      if (i < mapped) {
        driver.memoryUnmapped(owner.space, page, frame);
      }
      frames.free(frame);
    }
  }

  /** One past the last byte of {@code a}. */
  long end(KernelProcess.Allocation a) {
    return a.base() + (long) a.pages() * geometry.pageSize();
  }

  /** Throws unless {@code length} bytes at {@code start} lie in one allocation of {@code owner}. */
  void requireAllocated(KernelProcess owner, long start, int length) {
    Map.Entry<Long, KernelProcess.Allocation> entry = owner.allocations.floorEntry(start);
    // Not checkArgument: the hexadecimal text would be built on every check that passes.
    if (entry == null || start + length > end(entry.getValue())) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at 0x%s are not inside one region of memory %s allocated",
          length, Long.toHexString(start), owner.id()));
    }
  }

  private PageNumber pageAt(long base, int index) {
    return geometry.pageOf(VirtualAddress.of(base + (long) index * geometry.pageSize()));
  }
}
