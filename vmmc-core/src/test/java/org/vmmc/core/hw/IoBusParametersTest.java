package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

class IoBusParametersTest {

  @Test
  void transferTimeIsSetupPlusBytesAtBurstRatePlusGapsBetweenBursts() {
    IoBusParameters p = new IoBusParameters(
        SimDuration.ofNanos(500), 4_000_000L, 16, SimDuration.ofNanos(100));
    // 40 bytes at 4 MB/s = 10 µs; 3 bursts (16+16+8) so 2 gaps.
    assertThat(p.transferTime(40))
        .isEqualTo(SimDuration.ofNanos(500 + 10_000 + 2 * 100));
    // Exactly one burst: no gap.
    assertThat(p.transferTime(16)).isEqualTo(SimDuration.ofNanos(500 + 4_000));
  }

  @Test
  void defaultEisaMovesAPageAtAbout23MegabytesPerSecond() {
    SimDuration page = IoBusParameters.eisa().transferTime(4096);
    // 1 µs + 4096 B / 33 MB/s (124.121 µs) + 63 gaps of 840 ns (52.92 µs).
    assertThat(page).isEqualTo(SimDuration.ofPicos(1_000_000 + 124_121_212 + 52_920_000));
    double megabytesPerSecond = 4096 / page.toSeconds() / 1e6;
    assertThat(megabytesPerSecond).isBetween(22.5, 23.5);
  }

  @Test
  void aTransferMovesAtLeastOneByte() {
    assertThatThrownBy(() -> IoBusParameters.eisa().transferTime(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DMA transfer must move at least one byte: 0 bytes");
  }

  @Test
  void badParametersAreRefusedWithTheirValue() {
    assertThatThrownBy(() -> IoBusParameters.eisa().toBuilder().burstRate(0).build())
        .hasMessage("burst rate must be positive: 0 bytes/s");
    assertThatThrownBy(() -> IoBusParameters.eisa().toBuilder().burstBytes(-4).build())
        .hasMessage("burst length must be positive: -4 bytes");
  }

  @Test
  void builderReplacesOnlyWhatIsSet() {
    IoBusParameters p = IoBusParameters.eisa().toBuilder()
        .setupTime(SimDuration.ofNanos(1))
        .interBurstGap(SimDuration.ZERO)
        .build();
    assertThat(p.setupTime()).isEqualTo(SimDuration.ofNanos(1));
    assertThat(p.interBurstGap()).isEqualTo(SimDuration.ZERO);
    assertThat(p.burstRate()).isEqualTo(IoBusParameters.eisa().burstRate());
  }
}
