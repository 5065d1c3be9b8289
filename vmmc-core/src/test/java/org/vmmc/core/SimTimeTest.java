package org.vmmc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimTimeTest {

  @Test
  void arithmetic() {
    SimTime t = SimTime.after(SimDuration.ofMicros(2));
    assertThat(t.picos()).isEqualTo(2_000_000);
    assertThat(t.plus(SimDuration.ofNanos(500))).isEqualTo(SimTime.ofPicos(2_500_000));
    assertThat(t.plus(SimDuration.ofNanos(500)).since(t)).isEqualTo(SimDuration.ofNanos(500));
    assertThat(t.since(t)).isEqualTo(SimDuration.ZERO);
    assertThat(SimTime.ofPicos(0)).isSameAs(SimTime.ZERO);
  }

  @Test
  void ordering() {
    SimTime early = SimTime.ofPicos(10);
    SimTime late = SimTime.ofPicos(20);
    assertThat(early.isBefore(late)).isTrue();
    assertThat(late.isBefore(early)).isFalse();
    assertThat(early.isBefore(early)).isFalse();
    assertThat(late.isAfter(early)).isTrue();
    assertThat(late.isAfter(late)).isFalse();
    assertThat(early.max(late)).isSameAs(late);
    assertThat(late.max(early)).isSameAs(late);
    assertThat(early.compareTo(late)).isNegative();
    assertThat(late.compareTo(early)).isPositive();
    assertThat(early.compareTo(SimTime.ofPicos(10))).isZero();
  }

  @Test
  void readableToString() {
    assertThat(SimTime.ofPicos(1_500_000)).hasToString("t=1.5 µs");
    assertThat(SimTime.ZERO).hasToString("t=0 ps");
    assertThat(SimTime.after(SimDuration.ofNanos(7))).hasToString("t=7 ns");
  }

  @Test
  void badArgumentsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> SimTime.ofPicos(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("simulated time must not be negative: -3 ps");
    SimTime early = SimTime.ofPicos(1_000);
    SimTime late = SimTime.ofPicos(2_000);
    assertThatThrownBy(() -> early.since(late))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t=2 ns is after t=1 ns");
    assertThatThrownBy(() -> SimTime.ofPicos(5_000_000).plus(SimDuration.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t=5 µs plus 9223372.036854775807 s passes the largest simulated time "
            + "t=9223372.036854775807 s");
    assertThat(SimTime.MAX.picos()).isEqualTo(Long.MAX_VALUE);
  }
}
