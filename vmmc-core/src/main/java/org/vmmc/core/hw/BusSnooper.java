package org.vmmc.core.hw;

import org.vmmc.core.sim.Signal;

/**
 * A device that watches the memory bus (the SHRIMP-II snoop logic on the Xpress bus).
 *
 * <p>Before each write is carried out the bus asks every snooper whether it can take it
 * ({@link #stall}); a snooper that cannot (say, its outgoing FIFO is full) returns a signal
 * and the bus, and so the storing CPU, waits for it and asks again. No write is ever lost.
 * Once every snooper accepts, the write reaches memory and each snooper {@link #observe}s it.
 */
public interface BusSnooper {

  /** Null to let {@code write} proceed, or a signal that will be signalled when it may be retried. */
  default Signal stall(BusWrite write) {
    return null;
  }

  /** Sees {@code write}, at the simulated time it is on the bus. */
  void observe(BusWrite write);
}
