package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.param.Confidence;

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

  @Test
  void declaredDefaultsAreThePresets() {
    assertThat(CpuParameters.PARAMETERS.defaults()).isEqualTo(PENTIUM_60);
    assertThat(MemoryBusParameters.PARAMETERS.defaults()).isEqualTo(XPRESS);
    assertThat(IoBusParameters.PARAMETERS.defaults()).isEqualTo(EISA);
    assertThat(ControlNetworkParameters.PARAMETERS.defaults()).isEqualTo(ETHERNET);
  }

  @Test
  void aBuilderRoundTripsItsRecord() {
    CpuParameters cpu = PENTIUM_60.toBuilder().uncachedIoCycles(45).build();
    assertThat(cpu.toBuilder().build()).isEqualTo(cpu);
    assertThat(cpu.uncachedIoCycles()).isEqualTo(45);
    assertThat(cpu.trapEntryCycles()).isEqualTo(PENTIUM_60.trapEntryCycles());
    MemoryBusParameters bus = XPRESS.toBuilder().writeTime(SimDuration.ofNanos(50)).build();
    assertThat(bus.toBuilder().build()).isEqualTo(bus);
    IoBusParameters io = EISA.toBuilder().burstBytes(128).build();
    assertThat(io.toBuilder().build()).isEqualTo(io);
    ControlNetworkParameters net = ETHERNET.toBuilder().latency(SimDuration.ofMicros(5)).build();
    assertThat(net.toBuilder().build()).isEqualTo(net);
  }

  @Test
  void declarationsCarryUnitsAndConfidence() {
    var clock = CpuParameters.PARAMETERS.parameter("clock-mhz");
    assertThat(CpuParameters.PARAMETERS.qualifiedName(clock)).isEqualTo("cpu.clock-mhz");
    assertThat(clock.unit()).isEqualTo("MHz");
    assertThat(clock.confidence()).isEqualTo(Confidence.UNCERTAIN);
    assertThat(IoBusParameters.PARAMETERS.parameter("burst-rate").confidence())
        .isEqualTo(Confidence.STATED);
    assertThat(IoBusParameters.PARAMETERS.with(EISA, "burst-rate", "40").burstRate())
        .isEqualTo(40_000_000L);
  }
}
