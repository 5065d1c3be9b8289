package org.vmmc.core.param;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/**
 * How a parameter's value is written (on a command line, in a report) and its unit: a typed
 * parser and formatter for one Java type.
 *
 * @param <T> the type a parameter record holds
 */
public final class ValueType<T> {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

  /** A whole number of something countable (entries, packets, flits), as an {@code int}. */
  public static final ValueType<Integer> COUNT = ints("");
  /** A whole number of something countable, as a {@code long}. */
  public static final ValueType<Long> LONG_COUNT = longs("");
  /** A whole number of clock cycles, as a {@code long}. */
  public static final ValueType<Long> CYCLES = longs("cycles");
  /** A whole number of clock cycles, as an {@code int}. */
  public static final ValueType<Integer> INT_CYCLES = ints("cycles");
  /** A whole number of bytes, as an {@code int}. */
  public static final ValueType<Integer> BYTES = ints("bytes");
  /** {@code true} or {@code false}. */
  public static final ValueType<Boolean> FLAG = new ValueType<>("true/false", Boolean.class,
      text -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.valueOf(text);
      }, String::valueOf);
  /** A clock rate in MHz (decimals allowed, whole Hz). */
  public static final ValueType<ClockRate> MEGAHERTZ = new ValueType<>("MHz", ClockRate.class,
      text -> new ClockRate(scaled(text, MILLION, "MHz", "Hz")),
      v -> plain(v.hertz(), MILLION));
  /** A duration in nanoseconds (decimals allowed, whole picoseconds). */
  public static final ValueType<SimDuration> NANOSECONDS = duration("ns", THOUSAND);
  /** A duration in microseconds (decimals allowed, whole picoseconds). */
  public static final ValueType<SimDuration> MICROSECONDS = duration("µs", MILLION);
  /** A duration in milliseconds (decimals allowed, whole picoseconds). */
  public static final ValueType<SimDuration> MILLISECONDS = duration("ms", BILLION);
  /** A rate in MB/s, 10^6 bytes per second (decimals allowed), held as bytes per second. */
  public static final ValueType<Long> MEGABYTES_PER_SECOND = new ValueType<>("MB/s", Long.class,
      text -> scaled(text, MILLION, "MB/s", "bytes/s"), v -> plain(v, MILLION));

  private final String unit;
  private final Class<T> javaType;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;

  private ValueType(String unit, Class<T> javaType, Function<String, T> parser,
      Function<T, String> formatter) {
    this.unit = requireNonNull(unit, "unit");
    this.javaType = requireNonNull(javaType, "javaType");
    this.parser = requireNonNull(parser, "parser");
    this.formatter = requireNonNull(formatter, "formatter");
  }

  /**
   * A value type of its own: {@code parser} throws an {@link IllegalArgumentException} that
   * says what it expected.
   */
  public static <T> ValueType<T> of(String unit, Class<T> javaType, Function<String, T> parser,
      Function<T, String> formatter) {
    return new ValueType<>(unit, javaType, parser, formatter);
  }

  /** The unit as shown to a person (empty for plain counts). */
  public String unit() {
    return unit;
  }

  /** The Java type of the values. */
  public Class<T> javaType() {
    return javaType;
  }

  /** The value {@code raw} means; an {@link IllegalArgumentException} saying why if none. */
  public T parse(String raw) {
    return parser.apply(requireNonNull(raw, "raw").strip());
  }

  /** {@code value} written in this type's unit, as {@link #parse} reads it back. */
  public String format(T value) {
    return formatter.apply(requireNonNull(value, "value"));
  }

  @Override
  public String toString() {
    return unit.isEmpty() ? javaType.getSimpleName() : unit;
  }

  private static ValueType<Integer> ints(String unit) {
    return new ValueType<>(unit, Integer.class, text -> {
      long value = whole(text);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("expected a whole number up to " + Integer.MAX_VALUE);
      }
      return (int) value;
    }, String::valueOf);
  }

  private static ValueType<Long> longs(String unit) {
    return new ValueType<>(unit, Long.class, ValueType::whole, String::valueOf);
  }

  private static ValueType<SimDuration> duration(String unit, BigDecimal scale) {
    return new ValueType<>(unit, SimDuration.class,
        text -> SimDuration.ofPicos(scaled(text, scale, unit, "ps")),
        v -> plain(v.picos(), scale));
  }

  private static long whole(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
  }

  private static String plain(long value, BigDecimal scale) {
    return BigDecimal.valueOf(value).divide(scale).stripTrailingZeros().toPlainString();
  }

  private static long scaled(String text, BigDecimal scale, String unit, String smallest) {
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
