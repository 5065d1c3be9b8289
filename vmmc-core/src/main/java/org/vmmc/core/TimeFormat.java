package org.vmmc.core;

import java.math.BigDecimal;

/** Formats picosecond counts in the largest unit that keeps the value at least one. */
final class TimeFormat {
  private static final long[] SCALES = {
      SimDuration.PICOS_PER_SECOND, SimDuration.PICOS_PER_MILLI,
      SimDuration.PICOS_PER_MICRO, SimDuration.PICOS_PER_NANO, 1L};
  private static final String[] UNITS = {"s", "ms", "µs", "ns", "ps"};

  private TimeFormat() {}

  static String format(long picos) {
    for (int i = 0; i < SCALES.length; i++) {
      if (picos >= SCALES[i] || i == SCALES.length - 1) {
        BigDecimal value = BigDecimal.valueOf(picos).movePointLeft(digits(SCALES[i]));
        return value.stripTrailingZeros().toPlainString() + " " + UNITS[i];
      }
    }
    throw new AssertionError("unreachable");
  }

  private static int digits(long powerOfTen) {
    return Long.toString(powerOfTen).length() - 1;
  }
}
