package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkState;

import com.google.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;

/**
 * The kernel's driver for SHRIMP-II: maps each user page's source proxy (read-only, at the
 * page's address plus {@link VirtualLayout#ALIAS_OFFSET}), programs the incoming page table
 * for exports, and for an import allocates outgoing page table entries and maps a writable
 * destination proxy page onto each. An automatic-update binding programs the local frame's
 * automatic-update entry with the destination of one of the import's outgoing entries; the
 * driver remembers which, so an import is never unmapped while a binding still goes through it.
 */
final class Shrimp2Driver implements NicDriver {
  private final Shrimp2Interface nic;
  private final MemoryGeometry geometry;
  /** Bound local frame to the outgoing page table entry whose destination it was given. */
  private final Map<Long, Integer> boundThrough = new HashMap<>();

  @Inject
  Shrimp2Driver(Shrimp2Interface nic, PhysicalMemory memory) {
    this.nic = nic;
    this.geometry = memory.geometry();
  }

  @Override
  public NicDesign design() {
    return Shrimp2Design.INSTANCE;
  }

  @Override
  public void connect(NicInterrupts interrupts) {
    nic.connect(interrupts);
  }

  @Override
  public void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    space.map(aliasOf(page), PageTableEntry.userReadOnly(
        new DevicePage(nic.udma, UdmaEngine.SOURCE_PROXY_BASE + frame.value())));
  }

  @Override
  public void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    checkState(!boundThrough.containsKey(frame.value()),
        "%s at %s is unmapped while still bound for automatic update", frame, page);
    space.unmap(aliasOf(page));
  }

  private PageNumber aliasOf(PageNumber page) {
    return page.plus(VirtualLayout.ALIAS_OFFSET / geometry.pageSize());
  }

  /** Waits for the deliberate-update engine to read every transfer queued from the frame. */
  @Override
  public void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet) {
    nic.deliberateUpdate.whenSourceQuiet(frame, whenQuiet);
  }

  @Override
  public void enableReceive(FrameNumber frame, boolean interrupts) {
    nic.incoming.enable(frame, interrupts);
  }

  @Override
  public void disableReceive(FrameNumber frame) {
    nic.incoming.disable(frame);
  }

  @Override
  public int proxyPagesFor(RemoteBuffer buffer) {
    return buffer.frames().size();
  }

  @Override
  public ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage,
      RemoteBuffer buffer) {
    int count = buffer.frames().size();
    int first = nic.outgoing.allocate(count);
    if (first < 0) {
      throw new VmmcException(VmmcException.Reason.OUT_OF_MEMORY, "the outgoing page table has"
          + " no " + count + " free consecutive entries of " + nic.outgoing.size());
    }
    for (int i = 0; i < count; i++) {
      nic.outgoing.program(first + i, buffer.exporter().node(), buffer.frames().get(i));
      space.map(firstProxyPage.plus(i),
          PageTableEntry.userReadWrite(new DevicePage(nic.udma, first + i)));
    }
    VirtualAddress base = geometry.baseOf(firstProxyPage);
    return new Shrimp2ImportMapping(buffer, base.plus(buffer.firstOffset()), base, first, count);
  }

  @Override
  public void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained) {
    Shrimp2ImportMapping m = (Shrimp2ImportMapping) mapping;
    for (int entry : boundThrough.values()) {
      checkState(entry < m.firstEntry() || entry >= m.firstEntry() + m.entries(),
          "%s is unmapped while automatic-update bindings still go through it", m.buffer().id());
    }
    PageNumber first = geometry.pageOf(m.firstProxyPage());
    for (int i = 0; i < m.entries(); i++) {
      space.unmap(first.plus(i));
    }
    nic.outgoing.invalidate(m.firstEntry(), m.entries());
    nic.udma.invalidated(m.firstEntry(), m.entries());
    // Automatic-update stores of bindings through the import were flushed to the packetizer when
    // the kernel unbound them, so the drain marker, queued behind them, covers them too.
    nic.deliberateUpdate.whenDrained(m.entryList(), () -> {
      nic.outgoing.release(m.firstEntry(), m.entries());
      nic.drain.afterDelivery(m.buffer().exporter().node(), whenDrained);
    });
  }

  @Override
  public void contextSwitched() {
    nic.udma.cancel();
  }

  @Override
  public void bindAutomaticUpdate(AddressSpace space, PageNumber page, FrameNumber frame,
      ImportMapping mapping, int destinationPage, CombiningMode mode, boolean notify) {
    Shrimp2ImportMapping m = (Shrimp2ImportMapping) mapping;
    checkArgument(mode.propagates(), "combining mode %s binds nothing", mode);
    checkElementIndex(destinationPage, m.entries(), "destination page of the import");
    checkState(!boundThrough.containsKey(frame.value()),
        "%s at %s is already bound for automatic update", frame, page);
    int entry = m.firstEntry() + destinationPage;
    checkState(nic.outgoing.isValid(entry), "the import of %s is no longer mapped",
        m.buffer().id());
    nic.automaticUpdate.program(frame, new AutomaticUpdateTable.Entry(mode, notify,
        nic.outgoing.destinationNode(entry), nic.outgoing.destinationFrame(entry)));
    boundThrough.put(frame.value(), entry);
  }

  @Override
  public void unbindAutomaticUpdate(AddressSpace space, PageNumber page, FrameNumber frame,
      Runnable whenDrained) {
    checkState(boundThrough.remove(frame.value()) != null,
        "%s at %s is not bound for automatic update", frame, page);
    nic.outgoingFifo.flush(frame);
    nic.automaticUpdate.disable(frame);
    nic.outgoingFifo.whenDrained(frame, whenDrained);
  }
}
