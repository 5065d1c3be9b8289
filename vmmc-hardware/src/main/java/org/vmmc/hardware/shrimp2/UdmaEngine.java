package org.vmmc.hardware.shrimp2;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.hw.MmioDevice;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.OutgoingDmaEngine;

/**
 * SHRIMP-II's user-level DMA: a deliberate update is two user memory references. A STORE of
 * the byte count to the <em>destination proxy</em> address latches the destination; a LOAD
 * from the <em>source proxy</em> address names the source, starts the transfer and returns a
 * status word (see {@link UdmaStatus}). The MMU's translation of the two proxy addresses is the
 * whole protection check: a process can only name proxies the kernel mapped for it.
 *
 * <p>Device pages below {@link #SOURCE_PROXY_BASE} are destination proxies, numbered by their
 * outgoing page table entry; from it up, source proxies, numbered by local frame. There is one
 * latch per interface, so the kernel cancels a half-started pair at every context switch, and
 * invalidating outgoing entries clears a latch that names one of them: a LOAD never starts a
 * transfer through an entry that was freed, or given to another import, after its STORE (the
 * latch also records the entry's generation, which the LOAD checks).
 * Starting a transfer closes the open automatic-update packet, so that stores made before the
 * send reach the packetizer, and the wire, before the transfer's packets.
 */
final class UdmaEngine implements MmioDevice {
  /** Device page index where source proxy pages begin. */
  static final long SOURCE_PROXY_BASE = 1L << 31;

  private final MemoryGeometry geometry;
  private final OutgoingPageTable outgoing;
  private final OutgoingDmaEngine engine;
  private final OutgoingFifo automaticUpdates;
  private final Counter cancelled;
  private final Counter invalid;
  private final Counter revoked;
  private boolean latched;
  private int latchedIndex;
  private int latchedGeneration;
  private int latchedOffset;
  private int latchedCount;
  private boolean latchedNotify;

  UdmaEngine(MemoryGeometry geometry, OutgoingPageTable outgoing, OutgoingDmaEngine engine,
      OutgoingFifo automaticUpdates, Counter cancelled, Counter invalid, Counter revoked) {
    this.geometry = geometry;
    this.outgoing = outgoing;
    this.engine = engine;
    this.automaticUpdates = automaticUpdates;
    this.cancelled = cancelled;
    this.invalid = invalid;
    this.revoked = revoked;
  }

  @Override
  public String name() {
    return "SHRIMP-II UDMA";
  }

  @Override
  public void store(long pageIndex, int offset, int value, SimProcess cpu) {
    if (pageIndex >= SOURCE_PROXY_BASE) {
      // A STORE to a source proxy means nothing to the engine; it clears the latch.
      latched = false;
      return;
    }
    latched = true;
    latchedIndex = (int) pageIndex;
    latchedGeneration = outgoing.isValid(latchedIndex) ? outgoing.generation(latchedIndex) : -1;
    latchedOffset = offset;
    latchedCount = value & UdmaStatus.COUNT_MASK;
    latchedNotify = (value & UdmaStatus.NOTIFY) != 0;
  }

  @Override
  public int load(long pageIndex, int offset, SimProcess cpu) {
    if (pageIndex < SOURCE_PROXY_BASE || !latched) {
      invalid.increment();
      return UdmaStatus.INVALID;
    }
    int count = latchedCount;
    if (count == 0 || !geometry.isWordAligned(count) || !geometry.isWordAligned(offset)
        || offset + count > geometry.pageSize() || latchedOffset + count > geometry.pageSize()
        || !outgoing.isValid(latchedIndex)
        || outgoing.generation(latchedIndex) != latchedGeneration) {
      latched = false;
      invalid.increment();
      return UdmaStatus.INVALID;
    }
    if (engine.isFull()) {
      return UdmaStatus.BUSY;
    }
    latched = false;
    // Stores made before this send leave before it: the open automatic-update packet closes.
    automaticUpdates.flush();
    FrameNumber sourceFrame = new FrameNumber(pageIndex - SOURCE_PROXY_BASE);
    long ticket = engine.start(geometry.baseOf(sourceFrame).plus(offset),
        outgoing.destinationNode(latchedIndex),
        geometry.baseOf(outgoing.destinationFrame(latchedIndex)).plus(latchedOffset),
        count, latchedNotify, latchedIndex);
    return UdmaStatus.started(ticket);
  }

  /**
   * Outgoing entries [first, first+count) were invalidated: a latch that names one of them is
   * cleared (and counted), so the next LOAD reports invalid.
   */
  void invalidated(int first, int count) {
    if (latched && latchedIndex >= first && latchedIndex < first + count) {
      revoked.increment();
      latched = false;
    }
  }

  /** Forgets a latched STORE; the next LOAD reports invalid so the library retries the pair. */
  void cancel() {
    if (latched) {
      cancelled.increment();
      latched = false;
    }
  }
}
