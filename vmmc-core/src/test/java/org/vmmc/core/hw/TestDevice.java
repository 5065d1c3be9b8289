package org.vmmc.core.hw;

import org.vmmc.core.sim.SimProcess;

/** A device with no registers, for building device-page entries. */
final class TestDevice implements MmioDevice {
  private final String name;

  TestDevice(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int load(long pageIndex, int offset, SimProcess cpu) {
    return 0;
  }

  @Override
  public void store(long pageIndex, int offset, int value, SimProcess cpu) {}
}
