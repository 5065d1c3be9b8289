package org.vmmc.examples.ideal;

import com.google.inject.Inject;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * The kernel's driver for the ideal interface: the incoming page table for exports, and for an
 * import one outgoing table entry and one supervisor-only proxy page per page of the buffer.
 * User memory gets no alias, and since a send copies its data before it returns, no frame is
 * ever still being read when the kernel frees it.
 */
final class IdealDriver implements NicDriver {
  private final IdealInterface nic;
  private final MemoryGeometry geometry;

  @Inject
  IdealDriver(IdealInterface nic, PhysicalMemory memory) {
    this.nic = nic;
    this.geometry = memory.geometry();
  }

  @Override
  public NicDesign design() {
    return IdealDesign.INSTANCE;
  }

  @Override
  public void connect(NicInterrupts interrupts) {
    nic.connect(interrupts);
  }

  @Override
  public void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    // Sends read user memory through the sender's own translation: no alias to map.
  }

  @Override
  public void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    // No alias was mapped.
  }

  /** Quiet at once. */
  @Override
  public void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet) {
    // A send copies its source into packets before it returns: nothing reads the frame later.
    whenQuiet.run();
  }

  @Override
  public void enableReceive(FrameNumber frame, boolean interrupts) {
    nic.incoming.enable(frame, interrupts);
  }

  @Override
  public void disableReceive(FrameNumber frame) {
    nic.incoming.disable(frame);
  }

  /** One proxy page per page of the buffer. */
  @Override
  public int proxyPagesFor(RemoteBuffer buffer) {
    return buffer.frames().size();
  }

  /** Never refuses: the ideal outgoing table has room for every import. */
  @Override
  public ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage,
      RemoteBuffer buffer) {
    int count = buffer.frames().size();
    long first = nic.outgoing.add(buffer.exporter().node(), buffer.frames());
    for (int i = 0; i < count; i++) {
      space.map(firstProxyPage.plus(i),
          PageTableEntry.kernelReadWrite(new DevicePage(nic.proxies, first + i)));
    }
    VirtualAddress base = geometry.baseOf(firstProxyPage);
    return new IdealImportMapping(buffer, base.plus(buffer.firstOffset()), base, first, count);
  }

  /**
   * Unmaps the proxy pages and removes their entries at once, so a later send faults; the
   * drain marker then follows every packet already made through the import.
   */
  @Override
  public void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained) {
    IdealImportMapping m = (IdealImportMapping) mapping;
    PageNumber first = geometry.pageOf(m.firstProxyPage());
    for (int i = 0; i < m.entries(); i++) {
      space.unmap(first.plus(i));
    }
    nic.outgoing.remove(m.firstEntry(), m.entries());
    nic.drain.afterDelivery(m.buffer().exporter().node(), whenDrained);
  }

  /** Nothing to cancel: a send is never half started. */
  @Override
  public void contextSwitched() {
    // A send makes its packets in one step of the sender, with no state left in the interface.
  }
}
