package org.vmmc.examples.ideal;

import org.vmmc.core.hw.MmioDevice;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.SimulatorBugException;

/**
 * The device behind an import's proxy pages: page {@code e} stands for outgoing table entry
 * {@code e}. The pages are mapped for the supervisor only; the interface's send names them and
 * translates them through the sender's page table, which is the protection check, but no
 * ordinary reference reaches them (one from user code faults in the MMU first).
 */
final class ProxyWindow implements MmioDevice {

  @Override
  public String name() {
    return "ideal interface proxy";
  }

  @Override
  public int load(long pageIndex, int offset, SimProcess cpu) {
    throw unreachable(pageIndex, offset);
  }

  @Override
  public void store(long pageIndex, int offset, int value, SimProcess cpu) {
    throw unreachable(pageIndex, offset);
  }

  private static SimulatorBugException unreachable(long pageIndex, int offset) {
    return new SimulatorBugException("a memory reference reached offset " + offset
        + " of ideal interface proxy page " + pageIndex
        + ", which is mapped for the supervisor only and which the kernel never references");
  }
}
