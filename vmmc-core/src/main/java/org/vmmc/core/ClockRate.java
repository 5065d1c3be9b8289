package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The frequency of a simulated clock.
 *
 * @param hertz cycles per second, positive
 */
public record ClockRate(long hertz) {

  /** Checks that the rate is positive. */
  public ClockRate {
    checkArgument(hertz > 0, "clock rate must be positive: %s Hz", hertz);
  }

  /** A clock of {@code megahertz} MHz. */
  public static ClockRate ofMegahertz(long megahertz) {
    checkArgument(megahertz > 0, "clock rate must be positive: %s MHz", megahertz);
    return new ClockRate(Math.multiplyExact(megahertz, 1_000_000L));
  }

  /** The time {@code n} cycles take at this rate. */
  public SimDuration cycles(long n) {
    return SimDuration.ofCycles(n, this);
  }

  @Override
  public String toString() {
    return hertz % 1_000_000 == 0 ? hertz / 1_000_000 + " MHz" : hertz + " Hz";
  }
}
