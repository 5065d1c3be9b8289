package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/**
 * Timing of the Xpress memory bus.
 *
 * @param writeTime the bus time of one single (non-burst) write transaction, which the storing
 *     CPU waits for
 */
public record MemoryBusParameters(SimDuration writeTime) {

  /** Bus clocks of one single write with the memory controller's wait states (modelling guess). */
  static final int DEFAULT_WRITE_CLOCKS = 4;

  /** The Pentium 60's external bus clock, which the Xpress memory bus runs at (inferred). */
  static final ClockRate DEFAULT_BUS_CLOCK = ClockRate.ofMegahertz(60);

  /** Checks the write time. */
  public MemoryBusParameters {
    requireNonNull(writeTime, "writeTime");
    checkArgument(!writeTime.isZero(), "memory bus write time must be positive: %s", writeTime);
  }

  /**
   * The default Xpress bus: a write takes 4 clocks of the 60 MHz bus, about 66.7 ns (a
   * modelling guess: 2 clocks for address and data plus 2 memory wait states).
   */
  public static MemoryBusParameters xpress() {
    return new MemoryBusParameters(DEFAULT_BUS_CLOCK.cycles(DEFAULT_WRITE_CLOCKS));
  }
}
