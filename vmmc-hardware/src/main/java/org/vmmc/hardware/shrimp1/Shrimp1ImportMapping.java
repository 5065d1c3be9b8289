package org.vmmc.hardware.shrimp1;

import java.util.List;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;

/**
 * A SHRIMP-I import: {@code n} send pages in the importer's proxy region, page {@code i}
 * mapped out to frame {@code i} of the remote buffer, followed by their {@code n} shadow
 * pages. Byte {@code b} of the buffer is mirrored at {@link #proxyAddress()} plus {@code b} in
 * the send pages, and the shadow of send-page address {@code a} is {@code a} plus
 * {@code n} pages.
 *
 * <pre>
 *   firstSendPage                        shadow base = firstSendPage + n pages
 *   | send page 0 | ... | send page n-1 | shadow 0 | ... | shadow n-1 |
 *     memory frames from the pool         device pages of the shadow-address decoder
 * </pre>
 *
 * <p>The send pages are the import's own staging area, so the library lets one send at a
 * time stage through them (a process's handler may send through the same import as its main
 * code).
 */
final class Shrimp1ImportMapping implements ImportMapping {
  private final RemoteBuffer buffer;
  private final VirtualAddress firstSendPage;
  private final List<FrameNumber> sendFrames;
  private final long shadowDistance;
  private final Signal released;
  private boolean unmapped;
  private SimProcess stagingBy;

  Shrimp1ImportMapping(RemoteBuffer buffer, VirtualAddress firstSendPage,
      List<FrameNumber> sendFrames, MemoryGeometry geometry, Signal released) {
    this.buffer = buffer;
    this.firstSendPage = firstSendPage;
    this.sendFrames = List.copyOf(sendFrames);
    this.shadowDistance = (long) sendFrames.size() * geometry.pageSize();
    this.released = released;
  }

  @Override
  public RemoteBuffer buffer() {
    return buffer;
  }

  /** The send-page address that mirrors the buffer's first byte. */
  @Override
  public VirtualAddress proxyAddress() {
    return firstSendPage.plus(buffer.firstOffset());
  }

  VirtualAddress firstSendPage() {
    return firstSendPage;
  }

  /** The local frames of the send pages, in buffer order. */
  List<FrameNumber> sendFrames() {
    return sendFrames;
  }

  /** The shadow alias of send-page address {@code sendPageAddress}. */
  VirtualAddress shadowOf(VirtualAddress sendPageAddress) {
    return sendPageAddress.plus(shadowDistance);
  }

  /** The driver removed this import: its send pages and shadows are gone, its entries invalid. */
  void markUnmapped() {
    unmapped = true;
  }

  /** True once the driver removed this import. */
  boolean isUnmapped() {
    return unmapped;
  }

  /** Waits until no other context of the process is staging through this import, then takes it. */
  void acquire(SimProcess p) {
    p.awaitUntil(released, () -> stagingBy == null);
    stagingBy = p;
  }

  void release() {
    stagingBy = null;
    released.signalAll();
  }

  @Override
  public String toString() {
    return "SHRIMP-I import of " + buffer.id() + " from " + buffer.exporter() + " ("
        + sendFrames.size() + " send pages at " + firstSendPage + ")";
  }
}
