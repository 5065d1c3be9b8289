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

  /**
   * Like {@link #write}, but only if the bus can take the write at once (after {@code cpu}
   * catches up): then it is carried and true returned. Otherwise waits until the bus is free or
   * the stalling snooper has room, writes nothing and returns false, so the CPU, whose
   * translation may be stale after the wait, translates again and retries: a stalled store never
   * lands in a page that was unmapped while it waited.
   */
  boolean tryWrite(SimProcess cpu, PhysicalAddress address, int value, int size);

  /** The number of write transactions carried so far. */
  long writes();

  /** The number of times a snooper made a write wait. */
  long stalls();
}
