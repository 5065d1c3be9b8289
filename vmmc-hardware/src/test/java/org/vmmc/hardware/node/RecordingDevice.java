package org.vmmc.hardware.node;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.MmioDevice;
import org.vmmc.core.sim.SimProcess;

/** A device that logs every reference and answers loads with a fixed value. */
final class RecordingDevice implements MmioDevice {

  /** One reference as the device saw it. */
  record Reference(String kind, long page, int offset, int value, SimTime time) {}

  final List<Reference> log = new ArrayList<>();
  int loadValue;
  int register;

  @Override
  public String name() {
    return "test-nic";
  }

  @Override
  public int load(long pageIndex, int offset, SimProcess cpu) {
    log.add(new Reference("load", pageIndex, offset, 0, cpu.simulator().now()));
    return loadValue;
  }

  @Override
  public void store(long pageIndex, int offset, int value, SimProcess cpu) {
    log.add(new Reference("store", pageIndex, offset, value, cpu.simulator().now()));
  }

  @Override
  public int compareAndExchange(long pageIndex, int offset, int expected, int value,
      SimProcess cpu) {
    log.add(new Reference("cmpxchg", pageIndex, offset, value, cpu.simulator().now()));
    int old = register;
    if (old == expected) {
      register = value;
    }
    return old;
  }
}
