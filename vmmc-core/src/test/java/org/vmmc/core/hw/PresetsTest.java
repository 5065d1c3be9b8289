package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/** The node presets hold the figures their Javadoc documents, written out here once. */
class PresetsTest {
  static final CpuParameters PENTIUM_60 =
      new CpuParameters(ClockRate.ofMegahertz(60), 1, 1, 30, 150, 100, 200, 100, 600);
  static final MemoryBusParameters XPRESS = new MemoryBusParameters(SimDuration.ofPicos(66_667));
  static final IoBusParameters EISA = new IoBusParameters(
      SimDuration.ofMicros(1), 33_000_000L, 64, SimDuration.ofNanos(840));
  static final ControlNetworkParameters ETHERNET =
      new ControlNetworkParameters(SimDuration.ofMicros(300));

  @Test
  void presetsHoldTheDocumentedFigures() {
    assertThat(CpuParameters.pentium60()).isEqualTo(PENTIUM_60);
    assertThat(MemoryBusParameters.xpress()).isEqualTo(XPRESS);
    assertThat(IoBusParameters.eisa()).isEqualTo(EISA);
    assertThat(ControlNetworkParameters.ethernet()).isEqualTo(ETHERNET);
  }
}
