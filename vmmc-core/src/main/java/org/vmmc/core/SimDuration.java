package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;

/**
 * A non-negative span of simulated time, in integer picoseconds.
 *
 * <p>Picoseconds keep cycle times of the modelled clocks (for example 16.667 ns at 60 MHz)
 * exact enough that no rounding error accumulates; a {@code long} of picoseconds spans
 * about 106 days of simulated time.
 *
 * @param picos the length in picoseconds, at least zero
 */
public record SimDuration(long picos) implements Comparable<SimDuration> {

  /** No time at all. */
  public static final SimDuration ZERO = new SimDuration(0);

  /** The longest duration: {@code Long.MAX_VALUE} picoseconds. */
  public static final SimDuration MAX = new SimDuration(Long.MAX_VALUE);

  static final long PICOS_PER_NANO = 1_000L;
  static final long PICOS_PER_MICRO = 1_000_000L;
  static final long PICOS_PER_MILLI = 1_000_000_000L;
  static final long PICOS_PER_SECOND = 1_000_000_000_000L;

  /** Checks that the duration is not negative. */
  public SimDuration {
    checkArgument(picos >= 0, "duration must not be negative: %s ps", picos);
  }

  /** A duration of {@code picos} picoseconds. */
  public static SimDuration ofPicos(long picos) {
    return picos == 0 ? ZERO : new SimDuration(picos);
  }

  /** A duration of {@code nanos} nanoseconds. */
  public static SimDuration ofNanos(long nanos) {
    return new SimDuration(scale(nanos, PICOS_PER_NANO, "ns"));
  }

  /** A duration of {@code micros} microseconds. */
  public static SimDuration ofMicros(long micros) {
    return new SimDuration(scale(micros, PICOS_PER_MICRO, "µs"));
  }

  /** A duration of {@code millis} milliseconds. */
  public static SimDuration ofMillis(long millis) {
    return new SimDuration(scale(millis, PICOS_PER_MILLI, "ms"));
  }

  /** A duration of {@code seconds} seconds. */
  public static SimDuration ofSeconds(long seconds) {
    return new SimDuration(scale(seconds, PICOS_PER_SECOND, "s"));
  }

  /**
   * The time {@code cycles} cycles take at {@code clock}, rounded to the nearest picosecond
   * (the rounding is applied once to the whole span, so it never accumulates).
   */
  public static SimDuration ofCycles(long cycles, ClockRate clock) {
    checkArgument(cycles >= 0, "cycle count must not be negative: %s", cycles);
    long hz = clock.hertz();
    // The fast path must leave room for the rounding term too, or a fast clock would overflow.
    if (cycles <= (Long.MAX_VALUE - hz / 2) / PICOS_PER_SECOND) {
      return new SimDuration((cycles * PICOS_PER_SECOND + hz / 2) / hz);
    }
    return new SimDuration(wideCycles(cycles, clock));
  }

  /**
   * The picoseconds {@code cycles} cycles take at {@code clock}, rounded to the nearest, in
   * arbitrary precision: the reference for the long fast path of {@link #ofCycles}.
   */
  static long wideCycles(long cycles, ClockRate clock) {
    long hz = clock.hertz();
    BigInteger picos = BigInteger.valueOf(cycles)
        .multiply(BigInteger.valueOf(PICOS_PER_SECOND))
        .add(BigInteger.valueOf(hz / 2))
        .divide(BigInteger.valueOf(hz));
    checkArgument(picos.bitLength() < Long.SIZE,
        "%s cycles at %s exceed the longest duration %s", cycles, clock, MAX);
    return picos.longValue();
  }

  /**
   * The time {@code bytes} bytes take at {@code bytesPerSecond}, rounded to the nearest
   * picosecond.
   */
  public static SimDuration ofBytesAt(long bytes, long bytesPerSecond) {
    checkArgument(bytes >= 0, "byte count must not be negative: %s", bytes);
    checkArgument(bytesPerSecond > 0, "rate must be positive: %s bytes/s", bytesPerSecond);
    // Every DMA timing comes here: stay in long arithmetic while the product and the rounding
    // term fit (up to about 9 MB), which gives the same floor quotient as the wide path.
    if (bytes <= (Long.MAX_VALUE - bytesPerSecond / 2) / PICOS_PER_SECOND) {
      return new SimDuration((bytes * PICOS_PER_SECOND + bytesPerSecond / 2) / bytesPerSecond);
    }
    return new SimDuration(wideBytesAt(bytes, bytesPerSecond));
  }

  /**
   * The picoseconds {@code bytes} bytes take at {@code bytesPerSecond}, rounded to the nearest,
   * in arbitrary precision: the reference for the long fast path of {@link #ofBytesAt}.
   */
  static long wideBytesAt(long bytes, long bytesPerSecond) {
    BigInteger picos = BigInteger.valueOf(bytes)
        .multiply(BigInteger.valueOf(PICOS_PER_SECOND))
        .add(BigInteger.valueOf(bytesPerSecond / 2))
        .divide(BigInteger.valueOf(bytesPerSecond));
    checkArgument(picos.bitLength() < Long.SIZE,
        "%s bytes at %s bytes/s exceed the longest duration %s", bytes, bytesPerSecond, MAX);
    return picos.longValue();
  }

  private static long scale(long amount, long factor, String unit) {
    checkArgument(amount >= 0, "duration must not be negative: %s %s", amount, unit);
    checkArgument(amount <= Long.MAX_VALUE / factor,
        "duration too long: %s %s exceeds %s %s", amount, unit, Long.MAX_VALUE / factor, unit);
    return amount * factor;
  }

  /** This duration plus {@code other}; the sum must not exceed {@link #MAX}. */
  public SimDuration plus(SimDuration other) {
    if (other.picos > Long.MAX_VALUE - picos) {
      throw new IllegalArgumentException(
          this + " plus " + other + " exceeds the longest duration " + MAX);
    }
    return new SimDuration(picos + other.picos);
  }

  /** This duration minus {@code other}, which must not be longer. */
  public SimDuration minus(SimDuration other) {
    checkArgument(other.picos <= picos, "cannot subtract %s from %s", other, this);
    return new SimDuration(picos - other.picos);
  }

  /** This duration repeated {@code times} times; the product must not exceed {@link #MAX}. */
  public SimDuration times(long times) {
    checkArgument(times >= 0, "factor must not be negative: %s", times);
    if (times != 0 && picos > Long.MAX_VALUE / times) {
      throw new IllegalArgumentException(
          this + " times " + times + " exceeds the longest duration " + MAX);
    }
    return new SimDuration(picos * times);
  }

  /** True when this is no time at all. */
  public boolean isZero() {
    return picos == 0;
  }

  /** The length in nanoseconds, as a fraction (for reports only, never for simulation). */
  public double toNanos() {
    return picos / (double) PICOS_PER_NANO;
  }

  /** The length in microseconds, as a fraction (for reports only, never for simulation). */
  public double toMicros() {
    return picos / (double) PICOS_PER_MICRO;
  }

  /** The length in seconds, as a fraction (for reports only, never for simulation). */
  public double toSeconds() {
    return picos / (double) PICOS_PER_SECOND;
  }

  @Override
  public int compareTo(SimDuration other) {
    return Long.compare(picos, other.picos);
  }

  @Override
  public String toString() {
    return TimeFormat.format(picos);
  }
}
