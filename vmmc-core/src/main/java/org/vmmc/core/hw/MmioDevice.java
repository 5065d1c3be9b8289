package org.vmmc.core.hw;

import org.vmmc.core.sim.SimProcess;

/**
 * A device whose registers are reached through memory-mapped I/O pages (for example the
 * proxy pages of a NIC that starts a user-level DMA on a STORE then LOAD pair).
 *
 * <p>The {@link Cpu} calls these methods from the referencing process, after it has
 * synchronised, so the simulator's clock is the time of the reference. A device may keep the
 * process waiting (hold it, or make it await a signal) before it answers. Offsets are byte
 * offsets within the device page and are word-aligned.
 */
public interface MmioDevice {

  /** The device's name, used in messages and metrics. */
  String name();

  /** Answers a word load from {@code offset} of device page {@code pageIndex} made by {@code cpu}. */
  int load(long pageIndex, int offset, SimProcess cpu);

  /** Takes a word store of {@code value} to {@code offset} of device page {@code pageIndex}. */
  void store(long pageIndex, int offset, int value, SimProcess cpu);

  /**
   * Answers an atomic compare-and-exchange at {@code offset} of device page {@code pageIndex}:
   * returns the old value, and stores {@code value} if it equalled {@code expected}. Devices
   * that have no such operation refuse it.
   */
  default int compareAndExchange(
      long pageIndex, int offset, int expected, int value, SimProcess cpu) {
    throw new UnsupportedOperationException(
        "device " + name() + " does not support compare-and-exchange (page " + pageIndex
            + ", offset " + offset + ")");
  }
}
