package org.vmmc.hardware.shrimp1;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.hw.MmioDevice;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.OutgoingDmaEngine;

/**
 * The card's shadow-address decoder: the device behind every shadow page. Shadow page
 * {@code f} is the alias of send-page frame {@code f}, so the address of a locked
 * compare-and-exchange names the source frame and offset, and the outgoing page table names
 * the destination. The MMU's translation of the shadow address is the whole protection
 * check: a process has shadow pages only for the send pages of its own imports. One atomic
 * bus cycle carries the whole command, so there is no half-started send for a context switch
 * to cancel (see {@link ShadowCommand} for the words).
 */
final class ShadowAddressDecoder implements MmioDevice {
  private final MemoryGeometry geometry;
  private final SendPagePool pool;
  private final OutgoingPageTable outgoing;
  private final OutgoingDmaEngine engine;
  private final Counter busy;
  private final Counter invalid;
  private final Counter ignored;

  ShadowAddressDecoder(MemoryGeometry geometry, SendPagePool pool, OutgoingPageTable outgoing,
      OutgoingDmaEngine engine, Counter busy, Counter invalid, Counter ignored) {
    this.geometry = geometry;
    this.pool = pool;
    this.outgoing = outgoing;
    this.engine = engine;
    this.busy = busy;
    this.invalid = invalid;
    this.ignored = ignored;
  }

  @Override
  public String name() {
    return "SHRIMP-I shadow";
  }

  @Override
  public int compareAndExchange(long pageIndex, int offset, int expected, int value,
      SimProcess cpu) {
    FrameNumber source = new FrameNumber(pageIndex);
    int status = statusFor(source, offset, value);
    if (status != expected) {
      (status == ShadowCommand.BUSY ? busy : invalid).increment();
      return status;
    }
    if (status != ShadowCommand.READY) {
      // A caller that expected BUSY or INVALID gets its answer and starts nothing.
      return status;
    }
    int entry = pool.indexOf(source);
    int count = value & ShadowCommand.COUNT_MASK;
    engine.start(geometry.baseOf(source).plus(offset), outgoing.destinationNode(entry),
        geometry.baseOf(outgoing.destinationFrame(entry)).plus(offset), count,
        (value & ShadowCommand.NOTIFY) != 0, entry);
    return status;
  }

  private int statusFor(FrameNumber source, int offset, int value) {
    int count = value & ShadowCommand.COUNT_MASK;
    boolean wellFormed = (value & ~(ShadowCommand.COUNT_MASK | ShadowCommand.NOTIFY)) == 0
        && count > 0 && geometry.isWordAligned(count) && geometry.isWordAligned(offset)
        && offset + count <= geometry.pageSize();
    if (!wellFormed || !pool.owns(source) || !outgoing.isValid(pool.indexOf(source))) {
      return ShadowCommand.INVALID;
    }
    return engine.isFull() ? ShadowCommand.BUSY : ShadowCommand.READY;
  }

  /** A plain load of a shadow address reads the engine's status: READY or BUSY. */
  @Override
  public int load(long pageIndex, int offset, SimProcess cpu) {
    return engine.isFull() ? ShadowCommand.BUSY : ShadowCommand.READY;
  }

  /** A plain store is not a command (only the locked cycle is); the card ignores and counts it. */
  @Override
  public void store(long pageIndex, int offset, int value, SimProcess cpu) {
    ignored.increment();
  }
}
