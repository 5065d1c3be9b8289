package org.vmmc.hardware.shrimp1;

import static com.google.common.base.Preconditions.checkState;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.sim.Simulator;

/**
 * The kernel's driver for SHRIMP-I. An export enables the buffer's frames in the incoming page
 * table. An import maps each page of the buffer out: it takes a send page from the pool, points
 * the page's outgoing table entry at the remote frame, and maps into the importer the send page
 * (ordinary writable memory) and its shadow page (the card's decoder), both in the import's
 * proxy region. User memory gets no alias: on SHRIMP-I only send pages can be sources.
 */
final class Shrimp1Driver implements NicDriver {
  private final Shrimp1Interface nic;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final Simulator sim;

  @Inject
  Shrimp1Driver(Shrimp1Interface nic, PhysicalMemory memory, Simulator sim) {
    this.nic = nic;
    this.memory = memory;
    this.geometry = memory.geometry();
    this.sim = sim;
  }

  @Override
  public NicDesign design() {
    return Shrimp1Design.INSTANCE;
  }

  @Override
  public void connect(NicInterrupts interrupts) {
    nic.connect(interrupts);
  }

  /** Makes no alias; refuses a send-page frame, which the kernel must never hand out. */
  @Override
  public void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    checkState(!nic.pool.owns(frame),
        "the kernel mapped %s as user memory, but frames %s to %s are SHRIMP-I send pages: "
            + "reserve them for the kernel (KernelParameters.reservedFrames above %s) or move "
            + "the pool (Shrimp1Parameters.firstSendPageFrame)",
        frame, nic.parameters.firstSendPageFrame(),
        nic.parameters.firstSendPageFrame() + nic.parameters.sendPages() - 1,
        nic.parameters.firstSendPageFrame() + nic.parameters.sendPages() - 1);
  }

  @Override
  public void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    // User memory has no alias on SHRIMP-I.
  }

  /** Quiet at once. */
  @Override
  public void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet) {
    // User memory is never a DMA source on SHRIMP-I: sends are staged by the CPU into send pages.
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

  /** Two pages per page of the buffer: its send page and that page's shadow. */
  @Override
  public int proxyPagesFor(RemoteBuffer buffer) {
    return 2 * buffer.frames().size();
  }

  @Override
  public ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage,
      RemoteBuffer buffer) {
    int n = buffer.frames().size();
    List<FrameNumber> sendFrames = nic.pool.allocate(n);
    for (int i = 0; i < n; i++) {
      FrameNumber local = sendFrames.get(i);
      nic.outgoing.program(nic.pool.indexOf(local), buffer.exporter().node(),
          buffer.frames().get(i));
      space.map(firstProxyPage.plus(i), PageTableEntry.userReadWrite(new MemoryFrame(local)));
      // The locked cycle is a write, so the shadow page must be writable.
      space.map(firstProxyPage.plus(n + i),
          PageTableEntry.userReadWrite(new DevicePage(nic.shadow, local.value())));
    }
    return new Shrimp1ImportMapping(buffer, geometry.baseOf(firstProxyPage), sendFrames,
        geometry, sim.signal("a SHRIMP-I import's send pages to be free for staging"));
  }

  @Override
  public void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained) {
    Shrimp1ImportMapping m = (Shrimp1ImportMapping) mapping;
    m.markUnmapped();
    PageNumber first = geometry.pageOf(m.firstSendPage());
    int n = m.sendFrames().size();
    List<Integer> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      space.unmap(first.plus(i));
      space.unmap(first.plus(n + i));
      int entry = nic.pool.indexOf(m.sendFrames().get(i));
      nic.outgoing.invalidate(entry);
      entries.add(entry);
    }
    nic.engine.whenDrained(entries, () -> {
      for (FrameNumber f : m.sendFrames()) {
        // Cleared before reuse, so the next importer never sees this one's staged data.
        memory.clearFrame(f);
        nic.pool.free(f);
      }
      nic.drain.afterDelivery(m.buffer().exporter().node(), whenDrained);
    });
  }

  /** Nothing to cancel: a SHRIMP-I send is one atomic bus cycle. */
  @Override
  public void contextSwitched() {
    // No half-started send can exist.
  }
}
