package org.vmmc.hardware.shrimp2;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.hw.BusSnooper;
import org.vmmc.core.hw.BusWrite;
import org.vmmc.core.sim.Signal;

/**
 * SHRIMP-II's snoop logic on the Xpress memory bus (design reference, section 4.2): it looks
 * up the frame of every write in the {@link AutomaticUpdateTable} and puts the writes to bound
 * frames into the {@link OutgoingFifo}. When the FIFO is full it stalls such a write, and so
 * the storing CPU, until an entry frees up: a store is never dropped. Writes to frames that are
 * not bound pass untouched and never leave the node.
 */
final class SnoopLogic implements BusSnooper {
  private final MemoryGeometry geometry;
  private final AutomaticUpdateTable table;
  private final OutgoingFifo fifo;
  private final AutomaticUpdateCounters counters;

  SnoopLogic(MemoryGeometry geometry, AutomaticUpdateTable table, OutgoingFifo fifo,
      AutomaticUpdateCounters counters) {
    this.geometry = geometry;
    this.table = table;
    this.fifo = fifo;
    this.counters = counters;
  }

  @Override
  public Signal stall(BusWrite write) {
    if (fifo.isFull() && table.lookup(geometry.frameOf(write.address())) != null) {
      counters.stalls().increment();
      return fifo.space();
    }
    return null;
  }

  @Override
  public void observe(BusWrite write) {
    FrameNumber frame = geometry.frameOf(write.address());
    AutomaticUpdateTable.Entry entry = table.lookup(frame);
    if (entry != null) {
      fifo.push(write, frame, entry);
    }
  }
}
