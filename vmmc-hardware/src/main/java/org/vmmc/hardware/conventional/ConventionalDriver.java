package org.vmmc.hardware.conventional;

import com.google.inject.Inject;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * The kernel's driver for a conventional interface. Exports set the kernel's own receive
 * table; imports become kernel descriptors with no mappings: a proxy range is reserved so each
 * import has its own addresses, but nothing is mapped there and user references to it fault.
 */
final class ConventionalDriver implements NicDriver {
  private final KernelMessaging messaging;
  private final MemoryGeometry geometry;

  @Inject
  ConventionalDriver(KernelMessaging messaging, PhysicalMemory memory) {
    this.messaging = messaging;
    this.geometry = memory.geometry();
  }

  @Override
  public NicDesign design() {
    return ConventionalDesign.INSTANCE;
  }

  @Override
  public void connect(NicInterrupts interrupts) {
    messaging.connect(interrupts);
  }

  @Override
  public void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    // The kernel copies from user memory itself; there is no alias to map.
  }

  @Override
  public void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame) {
    // No alias was mapped.
  }

  /** Quiet at once. */
  @Override
  public void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet) {
    // The kernel copies a send out of user memory before the call returns: no DMA reads it.
    whenQuiet.run();
  }

  @Override
  public void enableReceive(FrameNumber frame, boolean interrupts) {
    messaging.receiveTable().enable(frame, interrupts);
  }

  @Override
  public void disableReceive(FrameNumber frame) {
    messaging.receiveTable().disable(frame);
  }

  /** One reserved, unmapped page per page of the buffer, so imports have distinct addresses. */
  @Override
  public int proxyPagesFor(RemoteBuffer buffer) {
    return buffer.frames().size();
  }

  @Override
  public ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage,
      RemoteBuffer buffer) {
    ConventionalImportMapping m = new ConventionalImportMapping(buffer,
        geometry.baseOf(firstProxyPage).plus(buffer.firstOffset()), space);
    messaging.register(m);
    return m;
  }

  @Override
  public void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained) {
    ConventionalImportMapping m = (ConventionalImportMapping) mapping;
    messaging.unregister(m);
    m.whenDrained(() -> messaging.drain().afterDelivery(m.buffer().exporter().node(),
        whenDrained));
  }

  /** Nothing to cancel: sends run inside the kernel. */
  @Override
  public void contextSwitched() {
    // No user-level send can be half started.
  }
}
