package org.vmmc.bench.compare;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/** How a named parameter's value is written on the command line, and its unit. */
enum ValueType {
  /** A whole number of something countable (entries, packets, flits). */
  COUNT(""),
  /** A whole number of clock cycles. */
  CYCLES("cycles"),
  /** A whole number of bytes. */
  BYTES("bytes"),
  /** {@code true} or {@code false}. */
  FLAG("true/false"),
  /** A clock rate in MHz (decimals allowed, whole Hz). */
  MEGAHERTZ("MHz"),
  /** A duration in nanoseconds (decimals allowed, whole picoseconds). */
  NANOSECONDS("ns"),
  /** A duration in microseconds (decimals allowed, whole picoseconds). */
  MICROSECONDS("µs"),
  /** A duration in milliseconds (decimals allowed, whole picoseconds). */
  MILLISECONDS("ms"),
  /** A rate in MB/s, 10^6 bytes per second (decimals allowed, whole bytes per second). */
  MEGABYTES_PER_SECOND("MB/s");

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

  private final String unit;

  ValueType(String unit) {
    this.unit = unit;
  }

  /** The unit as shown to a person. */
  String unit() {
    return unit;
  }

  /** The value {@code raw} means, as an instance of {@code target}; a clear error if none. */
  Object parse(String raw, Class<?> target) {
    String text = raw.strip();
    return switch (this) {
      case COUNT, CYCLES, BYTES -> whole(text, target);
      case FLAG -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("expected true or false");
        }
        yield Boolean.valueOf(text);
      }
      case MEGAHERTZ -> new ClockRate(scaled(text, MILLION, "Hz"));
      case NANOSECONDS -> SimDuration.ofPicos(scaled(text, THOUSAND, "ps"));
      case MICROSECONDS -> SimDuration.ofPicos(scaled(text, MILLION, "ps"));
      case MILLISECONDS -> SimDuration.ofPicos(scaled(text, BILLION, "ps"));
      case MEGABYTES_PER_SECOND -> scaled(text, MILLION, "bytes/s");
    };
  }

  /** {@code value} (as the record holds it) written in this type's unit. */
  String format(Object value) {
    return switch (this) {
      case COUNT, CYCLES, BYTES, FLAG -> String.valueOf(value);
      case MEGAHERTZ -> plain(BigDecimal.valueOf(((ClockRate) value).hertz()), MILLION);
      case NANOSECONDS -> plain(BigDecimal.valueOf(((SimDuration) value).picos()), THOUSAND);
      case MICROSECONDS -> plain(BigDecimal.valueOf(((SimDuration) value).picos()), MILLION);
      case MILLISECONDS -> plain(BigDecimal.valueOf(((SimDuration) value).picos()), BILLION);
      case MEGABYTES_PER_SECOND -> plain(BigDecimal.valueOf((Long) value), MILLION);
    };
  }

  private static String plain(BigDecimal value, BigDecimal scale) {
    return value.divide(scale).stripTrailingZeros().toPlainString();
  }

  private static Object whole(String text, Class<?> target) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
    if (target == int.class) {
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("expected a whole number up to " + Integer.MAX_VALUE);
      }
      return (int) value;
    }
    return value;
  }

  private long scaled(String text, BigDecimal scale, String smallest) {
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number of " + unit);
    }
    try {
      BigInteger units = value.multiply(scale).toBigIntegerExact();
      return units.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("expected a number of " + unit
          + " that comes to a whole number of " + smallest);
    }
  }
}
