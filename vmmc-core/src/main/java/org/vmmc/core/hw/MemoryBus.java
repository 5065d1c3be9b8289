package org.vmmc.core.hw;

import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.sim.SimProcess;

/**
 * A node's memory bus (the Xpress bus): it carries the CPU's stores that leave the cache,
 * that is stores to write-through pages, to memory and shows them to the snoopers. Stores
 * to write-back pages stay in the cache and never appear here.
 */
public interface MemoryBus {

  /** The bus's timing parameters. */
  MemoryBusParameters parameters();

  /** Adds {@code snooper}; snoopers are asked and shown writes in the order they subscribed. */
  void subscribe(BusSnooper snooper);

  /**
   * Carries a store of the low {@code size} bytes of {@code value} to {@code address} on behalf
   * of the CPU running {@code cpu}: waits until the bus is free and every snooper accepts it,
   * writes memory, shows it to the snoopers and holds {@code cpu} for the bus transaction time.
   */
  void write(SimProcess cpu, PhysicalAddress address, int value, int size);

  /** The number of write transactions carried so far. */
  long writes();

  /** The number of times a snooper made a write wait. */
  long stalls();
}
