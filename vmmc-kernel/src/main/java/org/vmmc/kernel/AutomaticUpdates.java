package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.SystemCall;

/**
 * A kernel's automatic-update bindings (design reference, sections 2 and 5: AU map and unmap).
 *
 * <p>Binding checks the request, programs the interface's automatic-update entry of each local
 * frame through the design's {@link NicDriver} and makes each page write-through, so its stores
 * reach the memory bus where the interface snoops them. Unbinding makes the pages write-back
 * first, so later stores stay local, then has the driver send what the interface still holds
 * and waits until it has left. Undoing an import, the exporter revoking it and a process's
 * exit all unbind what goes through the import; whichever comes first ends a binding, and the
 * others wait for it to finish (see {@link Teardown}).
 *
 * <p>Granularity: the hardware binds whole pages, a local page to a remote frame at the same
 * offset, so the local region is page-aligned whole pages and so is the destination: a
 * page-aligned buffer (the exporter's buffer starts a page), at a page-multiple offset, every
 * bound page inside the buffer. A local page is bound at most once.
 */
final class AutomaticUpdates {
  private final Kernel kernel;
  private final NicDriver driver;
  private final MemoryGeometry geometry;
  private final AutomaticUpdateParameters parameters;
  private final Map<KernelProcess, List<AuBinding>> byProcess = new LinkedHashMap<>();
  private final Map<Import, List<AuBinding>> byImport = new HashMap<>();

  AutomaticUpdates(Kernel kernel, NicDriver driver, AutomaticUpdateParameters parameters) {
    this.kernel = kernel;
    this.driver = driver;
    this.geometry = kernel.memory().geometry();
    this.parameters = parameters;
  }

  AuBinding bind(KernelProcess caller, VirtualAddress local, int length, Import destination,
      int offset, CombiningMode mode, boolean notify) {
    requireNonNull(local, "local");
    requireNonNull(destination, "destination");
    requireNonNull(mode, "mode");
    kernel.design().require(NicFeature.AUTOMATIC_UPDATE, "bindAutomaticUpdate");
    checkArgument(destination.owner == caller, "%s belongs to another process", destination);
    checkArgument(mode.propagates(), "combining mode %s turns automatic update off; bind with"
        + " SINGLE_WRITE (no combining), BLOCK_WRITE or TIMER_WRITE", mode);
    geometry.requirePageAligned(local.value(), "automatic-update region");
    checkArgument(length > 0 && geometry.isPageAligned(length),
        "automatic-update region of %s bytes is not a whole number of %s-byte pages",
        length, geometry.pageSize());
    checkArgument(offset >= 0 && geometry.isPageAligned(offset),
        "destination offset %s is not a non-negative multiple of the %s-byte page",
        offset, geometry.pageSize());
    RemoteBuffer buffer = destination.buffer;
    checkArgument(buffer.firstOffset() == 0, "%s starts %s bytes into a page of its exporter;"
        + " automatic update binds whole pages, so it needs a page-aligned buffer",
        destination, buffer.firstOffset());
    checkArgument((long) offset + length <= buffer.length(), "%s bytes at offset %s reach past"
        + " the end of the %s-byte imported buffer; automatic update binds whole pages, each of"
        + " which must lie inside the buffer", length, offset, buffer.length());
    return kernel.systemCall(caller, SystemCall.BIND_AUTOMATIC_UPDATE, () -> {
      if (destination.isRevoked()) {
        throw new VmmcException(VmmcException.Reason.REVOKED,
            destination + " was unexported or unimported");
      }
      requireAllocated(caller, local.value(), length);
      for (AuBinding b : byProcess.getOrDefault(caller, List.of())) {
        checkState(!b.overlaps(local.value(), local.value() + length),
            "%s bytes at %s overlap pages already bound: %s; close that binding first",
            length, local, b);
      }
      // No synchronisation point from the check of the import above to the end of the loop
      // below (the driver only programs tables), so no revocation can run half-way through.
      int count = length / geometry.pageSize();
      int firstDestinationPage = offset / geometry.pageSize();
      List<PageNumber> pages = new ArrayList<>();
      List<FrameNumber> frames = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        PageNumber page = geometry.pageOf(local.plus((long) i * geometry.pageSize()));
        PageTableEntry entry = caller.space.entry(page).orElseThrow();
        FrameNumber frame = ((MemoryFrame) entry.target()).frame();
        driver.bindAutomaticUpdate(caller.space, page, frame, destination.mapping,
            firstDestinationPage + i, mode, notify);
        caller.space.remap(page, entry.withWriteThrough(true));
        pages.add(page);
        frames.add(frame);
      }
      AuBinding binding = new AuBinding(caller, local, length, destination, offset, mode,
          notify, pages, frames);
      byProcess.computeIfAbsent(caller, k -> new ArrayList<>()).add(binding);
      byImport.computeIfAbsent(destination, k -> new ArrayList<>()).add(binding);
      caller.process().consume(kernel.cycles(parameters.bindCyclesPerPage() * count));
      kernel.count(KernelCounter.AU_BINDINGS);
      return binding;
    });
  }

  /** Ends {@code binding} and waits until the stores made under it have left the interface. */
  void unbind(KernelProcess caller, AuBinding binding) {
    requireNonNull(binding, "binding");
    checkArgument(binding.owner == caller, "%s belongs to another process", binding);
    kernel.systemCall(caller, SystemCall.UNBIND_AUTOMATIC_UPDATE, () -> {
      if (!binding.teardown.begin()) {
        // Its import was undone or revoked, or another thread unbinds it: wait with them.
        binding.teardown.await(caller.process());
        return null;
      }
      release(binding);
      caller.process().consume(
          kernel.cycles(parameters.unbindCyclesPerPage() * binding.pages.size()));
      binding.teardown.await(caller.process());
      return null;
    });
  }

  /**
   * Ends every binding through {@code imported} (joining those already ending); runs {@code
   * unmapImport} once the interface has let go of all their pages, giving it the part to run
   * when the import's own transfers have drained; runs {@code whenDrained} once those and the
   * bindings' stores have all left.
   */
  void unbindThrough(Import imported, Consumer<Runnable> unmapImport, Runnable whenDrained) {
    List<AuBinding> bound = List.copyOf(byImport.getOrDefault(imported, List.of()));
    Countdown drained = new Countdown(bound.size() + 1, whenDrained);
    Countdown released = new Countdown(bound.size(),
        () -> unmapImport.accept(drained::countDown));
    for (AuBinding b : bound) {
      if (b.teardown.begin()) {
        release(b);
      }
      whenReleased(b, released::countDown);
      b.teardown.whenFinished(drained::countDown);
    }
  }

  /** Refuses to free {@code [from, to)} of {@code owner} while pages in it are bound. */
  void checkNoneIn(KernelProcess owner, long from, long to) {
    for (AuBinding b : byProcess.getOrDefault(owner, List.of())) {
      checkState(b.teardown.isBegun() || !b.overlaps(from, to), "cannot free memory at 0x%s:"
          + " it holds pages of %s; close that binding first", Long.toHexString(from), b);
    }
  }

  /** The ends begun but not finished of {@code owner}'s bindings that overlap {@code [from, to)}. */
  List<Teardown> endingIn(KernelProcess owner, long from, long to) {
    List<Teardown> ending = new ArrayList<>();
    for (AuBinding b : byProcess.getOrDefault(owner, List.of())) {
      if (b.teardown.isBegun() && b.overlaps(from, to)) {
        ending.add(b.teardown);
      }
    }
    return ending;
  }

  /**
   * Makes every page write-back first, so later stores stay local; then has the interface let
   * go of each page and send what it holds. The binding is marked ended before the first
   * driver call, since the interface may synchronise the caller (so others run) between pages;
   * it stays in the tables until its stores have left, so a revocation or an exit that comes
   * meanwhile waits for it instead of undoing the import under it.
   */
  private void release(AuBinding binding) {
    checkState(binding.teardown.isBegun(), "%s is released before its end began", binding);
    for (PageNumber page : binding.pages) {
      PageTableEntry entry = binding.owner.space.entry(page).orElseThrow();
      binding.owner.space.remap(page, entry.withWriteThrough(false));
    }
    Countdown pagesDrained = new Countdown(binding.pages.size(), () -> {
      forget(binding);
      binding.teardown.finish();
    });
    for (int i = 0; i < binding.pages.size(); i++) {
      driver.unbindAutomaticUpdate(binding.owner.space, binding.pages.get(i),
          binding.frames.get(i), pagesDrained::countDown);
    }
    binding.released = true;
    for (Runnable r : List.copyOf(binding.whenReleased)) {
      r.run();
    }
    binding.whenReleased.clear();
    kernel.count(KernelCounter.AU_UNBINDINGS);
  }

  private static void whenReleased(AuBinding binding, Runnable action) {
    if (binding.released) {
      action.run();
    } else {
      binding.whenReleased.add(action);
    }
  }

  private void forget(AuBinding binding) {
    List<AuBinding> own = byProcess.get(binding.owner);
    own.remove(binding);
    if (own.isEmpty()) {
      byProcess.remove(binding.owner);
    }
    List<AuBinding> through = byImport.get(binding.destination);
    through.remove(binding);
    if (through.isEmpty()) {
      byImport.remove(binding.destination);
    }
  }

  private void requireAllocated(KernelProcess caller, long start, int length) {
    Map.Entry<Long, KernelProcess.Allocation> entry = caller.allocations.floorEntry(start);
    long end = entry == null ? -1
        : entry.getValue().base() + (long) entry.getValue().pages() * geometry.pageSize();
    // Not checkArgument: the hexadecimal text would be built on every check that passes.
    if (entry == null || start + length > end) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at 0x%s are not inside one region of memory %s allocated",
          length, Long.toHexString(start), caller.id()));
    }
  }
}
