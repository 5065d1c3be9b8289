package org.vmmc.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

class ValueTypeTest {

  @Test
  void flagsAcceptOnlyTrueOrFalse() {
    assertThat(ValueType.FLAG.parse(" true ")).isTrue();
    assertThat(ValueType.FLAG.parse("false")).isFalse();
    assertThatThrownBy(() -> ValueType.FLAG.parse("yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("expected true or false");
  }

  @Test
  void scaledValuesRoundTripInTheirUnit() {
    assertThat(ValueType.MEGAHERTZ.parse("33.5")).isEqualTo(new ClockRate(33_500_000));
    assertThat(ValueType.MEGAHERTZ.format(new ClockRate(33_500_000))).isEqualTo("33.5");
    assertThat(ValueType.NANOSECONDS.parse("1.5")).isEqualTo(SimDuration.ofPicos(1500));
    assertThat(ValueType.MICROSECONDS.format(SimDuration.ofPicos(2_500_000))).isEqualTo("2.5");
    assertThat(ValueType.MEGABYTES_PER_SECOND.parse("33")).isEqualTo(33_000_000L);
  }

  @Test
  void wholeNumbersRefuseFractionsAndOverflow() {
    assertThatThrownBy(() -> ValueType.COUNT.parse("1.5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("expected a whole number");
    assertThatThrownBy(() -> ValueType.COUNT.parse("3000000000"))
        .hasMessage("expected a whole number up to 2147483647");
    assertThatThrownBy(() -> ValueType.NANOSECONDS.parse("0.0001"))
        .hasMessage("expected a number of ns that comes to a whole number of ps");
  }
}
