package org.vmmc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimDurationTest {
  private static final ClockRate PENTIUM = ClockRate.ofMegahertz(60);

  @Test
  void unitsConvertToPicoseconds() {
    assertThat(SimDuration.ofNanos(3).picos()).isEqualTo(3_000);
    assertThat(SimDuration.ofMicros(3).picos()).isEqualTo(3_000_000);
    assertThat(SimDuration.ofMillis(3).picos()).isEqualTo(3_000_000_000L);
    assertThat(SimDuration.ofSeconds(3).picos()).isEqualTo(3_000_000_000_000L);
    assertThat(SimDuration.ofPicos(0)).isSameAs(SimDuration.ZERO);
  }

  @Test
  void threeCyclesAt60MegahertzAreExactly50Nanoseconds() {
    assertThat(SimDuration.ofCycles(3, PENTIUM)).isEqualTo(SimDuration.ofNanos(50));
    assertThat(PENTIUM.cycles(3)).isEqualTo(SimDuration.ofNanos(50));
  }

  @Test
  void oneCycleAt60MegahertzRoundsToTheNearestPicosecond() {
    // 1e12 / 60e6 = 16666.67 ps
    assertThat(SimDuration.ofCycles(1, PENTIUM).picos()).isEqualTo(16_667);
    // 2 cycles: 33333.33 ps rounds down
    assertThat(SimDuration.ofCycles(2, PENTIUM).picos()).isEqualTo(33_333);
  }

  @Test
  void cycleRoundingIsAppliedOnceToTheWholeSpan() {
    // A million cycles at 60 MHz are 16.666667 ms; adding rounded single cycles would drift.
    assertThat(SimDuration.ofCycles(1_000_000, PENTIUM).picos()).isEqualTo(16_666_666_667L);
    assertThat(SimDuration.ofCycles(1, PENTIUM).times(1_000_000).picos())
        .isEqualTo(16_667_000_000L);
  }

  @Test
  void cycleCountsBeyondTheFastPathStillConvertExactly() {
    long cycles = 60_000_000L * 1_000; // 1000 s at 60 MHz
    assertThat(SimDuration.ofCycles(cycles, PENTIUM)).isEqualTo(SimDuration.ofSeconds(1_000));
    // At the edge of the fast path a very fast clock's rounding term must not overflow.
    ClockRate fast = new ClockRate(Long.MAX_VALUE / 2);
    long edge = Long.MAX_VALUE / 1_000_000_000_000L;
    assertThat(SimDuration.ofCycles(edge, fast).picos()).isEqualTo(2);
  }

  @Test
  void bytesAtARateRoundToTheNearestPicosecond() {
    // 4 bytes at 33 MB/s: 121212.12 ps
    assertThat(SimDuration.ofBytesAt(4, 33_000_000).picos()).isEqualTo(121_212);
    assertThat(SimDuration.ofBytesAt(1_000, 1_000_000_000)).isEqualTo(SimDuration.ofMicros(1));
  }

  @Test
  void arithmetic() {
    SimDuration a = SimDuration.ofNanos(50);
    SimDuration b = SimDuration.ofNanos(20);
    assertThat(a.plus(b)).isEqualTo(SimDuration.ofNanos(70));
    assertThat(a.minus(b)).isEqualTo(SimDuration.ofNanos(30));
    assertThat(a.times(3)).isEqualTo(SimDuration.ofNanos(150));
    assertThat(a.times(0).isZero()).isTrue();
    assertThat(a.compareTo(b)).isPositive();
    assertThat(b.compareTo(a)).isNegative();
    assertThat(a.toNanos()).isEqualTo(50.0);
    assertThat(SimDuration.ofNanos(1_500).toMicros()).isEqualTo(1.5);
    assertThat(SimDuration.ofMillis(250).toSeconds()).isEqualTo(0.25);
  }

  @Test
  void readableToString() {
    assertThat(SimDuration.ofNanos(1_500)).hasToString("1.5 µs");
    assertThat(SimDuration.ofCycles(1, PENTIUM)).hasToString("16.667 ns");
    assertThat(SimDuration.ofNanos(50)).hasToString("50 ns");
    assertThat(SimDuration.ofPicos(999)).hasToString("999 ps");
    assertThat(SimDuration.ZERO).hasToString("0 ps");
    assertThat(SimDuration.ofMillis(2)).hasToString("2 ms");
    assertThat(SimDuration.ofSeconds(3)).hasToString("3 s");
    assertThat(SimDuration.ofMicros(4_800)).hasToString("4.8 ms");
  }

  @Test
  void negativeDurationsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> SimDuration.ofPicos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must not be negative: -1 ps");
    assertThatThrownBy(() -> SimDuration.ofNanos(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must not be negative: -5 ns");
    assertThatThrownBy(() -> SimDuration.ofMicros(-2))
        .hasMessage("duration must not be negative: -2 µs");
    assertThatThrownBy(() -> SimDuration.ofCycles(-3, PENTIUM))
        .hasMessage("cycle count must not be negative: -3");
    assertThatThrownBy(() -> SimDuration.ofBytesAt(-4, 1))
        .hasMessage("byte count must not be negative: -4");
    assertThatThrownBy(() -> SimDuration.ofBytesAt(4, 0))
        .hasMessage("rate must be positive: 0 bytes/s");
    assertThatThrownBy(() -> SimDuration.ofNanos(5).times(-1))
        .hasMessage("factor must not be negative: -1");
  }

  @Test
  void subtractingALongerDurationIsRefused() {
    assertThatThrownBy(() -> SimDuration.ofNanos(1).minus(SimDuration.ofNanos(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot subtract 2 ns from 1 ns");
  }

  @Test
  void overflowIsRefusedNamingTheLimit() {
    assertThatThrownBy(() -> SimDuration.ofSeconds(10_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration too long: 10000000 s exceeds 9223372 s");
    SimDuration huge = SimDuration.ofPicos(Long.MAX_VALUE);
    assertThatThrownBy(() -> huge.plus(SimDuration.ofPicos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("9223372.036854775807 s plus 1 ps exceeds the longest duration "
            + "9223372.036854775807 s");
    assertThatThrownBy(() -> SimDuration.ofSeconds(5).times(2_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 s times 2000000 exceeds the longest duration 9223372.036854775807 s");
    assertThatThrownBy(() -> SimDuration.ofCycles(Long.MAX_VALUE, ClockRate.ofMegahertz(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Long.MAX_VALUE + " cycles at 60 MHz exceed the longest duration "
            + "9223372.036854775807 s");
    assertThatThrownBy(() -> SimDuration.ofBytesAt(Long.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed the longest duration");
    assertThat(SimDuration.MAX.picos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void byteTimesInLongArithmeticMatchTheWideReferenceBitForBit() {
    Random random = new Random(20_261_208L);
    int fast = 0;
    int wide = 0;
    for (int i = 0; i < 200_000; i++) {
      // Spread both operands over every magnitude so each side of the fast-path bound is hit.
      long bytes = random.nextLong() >>> (1 + random.nextInt(Long.SIZE - 1));
      long rate = Math.max(1, random.nextLong() >>> (1 + random.nextInt(Long.SIZE - 1)));
      if (i % 4 == 0) {
        long bound = (Long.MAX_VALUE - rate / 2) / SimDuration.PICOS_PER_SECOND;
        bytes = Math.max(0, bound + random.nextInt(5) - 2);
      }
      if (bytes <= (Long.MAX_VALUE - rate / 2) / SimDuration.PICOS_PER_SECOND) {
        fast++;
      } else {
        wide++;
      }
      assertSameByteTime(bytes, rate);
    }
    assertThat(fast).isGreaterThan(50_000);
    assertThat(wide).isGreaterThan(50_000);
  }

  @Test
  void cycleTimesInLongArithmeticMatchTheWideReferenceBitForBit() {
    Random random = new Random(20_261_209L);
    int fast = 0;
    int wide = 0;
    for (int i = 0; i < 200_000; i++) {
      long cycles = random.nextLong() >>> (1 + random.nextInt(Long.SIZE - 1));
      ClockRate clock = new ClockRate(
          Math.max(1, random.nextLong() >>> (1 + random.nextInt(Long.SIZE - 1))));
      long bound = (Long.MAX_VALUE - clock.hertz() / 2) / SimDuration.PICOS_PER_SECOND;
      if (i % 4 == 0) {
        cycles = Math.max(0, bound + random.nextInt(5) - 2);
      }
      if (cycles <= bound) {
        fast++;
      } else {
        wide++;
      }
      assertSameCycleTime(cycles, clock);
    }
    assertThat(fast).isGreaterThan(50_000);
    assertThat(wide).isGreaterThan(50_000);
  }

  private static void assertSameCycleTime(long cycles, ClockRate clock) {
    long expected;
    try {
      expected = SimDuration.wideCycles(cycles, clock);
    } catch (IllegalArgumentException tooLong) {
      assertThatThrownBy(() -> SimDuration.ofCycles(cycles, clock))
          .hasMessage(tooLong.getMessage());
      return;
    }
    assertThat(SimDuration.ofCycles(cycles, clock).picos())
        .as("%s cycles at %s", cycles, clock)
        .isEqualTo(expected);
  }

  private static void assertSameByteTime(long bytes, long rate) {
    long expected;
    try {
      expected = SimDuration.wideBytesAt(bytes, rate);
    } catch (IllegalArgumentException tooLong) {
      assertThatThrownBy(() -> SimDuration.ofBytesAt(bytes, rate))
          .hasMessage(tooLong.getMessage());
      return;
    }
    assertThat(SimDuration.ofBytesAt(bytes, rate).picos())
        .as("%s bytes at %s bytes/s", bytes, rate)
        .isEqualTo(expected);
  }

  @Test
  void clockRates() {
    assertThat(ClockRate.ofMegahertz(60).hertz()).isEqualTo(60_000_000);
    assertThat(ClockRate.ofMegahertz(60)).hasToString("60 MHz");
    assertThat(new ClockRate(33_333_333)).hasToString("33333333 Hz");
    assertThatThrownBy(() -> new ClockRate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock rate must be positive: 0 Hz");
    assertThatThrownBy(() -> ClockRate.ofMegahertz(-60))
        .hasMessage("clock rate must be positive: -60 MHz");
  }
}
