package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

class ParametersTest {
  private final MachineConfig defaults = MachineConfig.defaults();

  @Test
  void everyParameterReadsBackTheValueItWasSetTo() {
    for (NamedParameter p : Parameters.all()) {
      String value = p.valueIn(defaults);
      assertThat(p.apply(defaults, value)).as(p.name()).isEqualTo(defaults);
    }
  }

  @Test
  void clockInMegahertzReachesTheCpu() {
    MachineConfig c = Parameters.apply(defaults, "cpu.clock-mhz=90");

    assertThat(c.hardware().cpu().clock()).isEqualTo(ClockRate.ofMegahertz(90));
    assertThat(c.hardware().cpu().trapEntryCycles())
        .isEqualTo(defaults.hardware().cpu().trapEntryCycles());
  }

  @Test
  void decimalsConvertToWholeBaseUnits() {
    MachineConfig c = Parameters.apply(Parameters.apply(defaults, "eisa.burst-rate=33.5"),
        "mesh.link-cycle-ns=7.5");

    assertThat(c.hardware().ioBus().burstRate()).isEqualTo(33_500_000L);
    assertThat(c.mesh().linkCycleTime()).isEqualTo(SimDuration.ofPicos(7_500));
    assertThat(Parameters.named("mesh.link-cycle-ns").valueIn(c)).isEqualTo("7.5");
  }

  @Test
  void designParametersAreKeptByType() {
    MachineConfig c = Parameters.apply(defaults, "shrimp2.max-packet-payload=1024");

    assertThat(c.part(MachineConfig.SHRIMP2).maxPacketPayload()).isEqualTo(1024);
    assertThat(defaults.part(MachineConfig.SHRIMP2).maxPacketPayload()).isEqualTo(4096);
  }

  @Test
  void flagsAcceptOnlyTrueOrFalse() {
    assertThat(Parameters.apply(defaults, "library.system-call-per-send=true").library()
        .systemCallPerSend()).isTrue();
    assertThatThrownBy(() -> Parameters.apply(defaults, "library.system-call-per-send=yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad value 'yes' for library.system-call-per-send (true/false): expected"
            + " true or false");
  }

  @Test
  void tooPreciseValueIsRefused() {
    assertThatThrownBy(() -> Parameters.apply(defaults, "mesh.link-cycle-ns=0.0001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mesh.link-cycle-ns").hasMessageContaining("whole number of ps");
  }

  @Test
  void wholeNumberParameterRefusesFractions() {
    assertThatThrownBy(() -> Parameters.apply(defaults, "cpu.uncached-io-cycles=2.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad value '2.5' for cpu.uncached-io-cycles (cycles): expected a whole"
            + " number");
  }

  @Test
  void unknownNameListsEveryValidName() {
    assertThatThrownBy(() -> Parameters.apply(defaults, "warp.factor=9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown parameter 'warp.factor'; valid names: cpu.clock-mhz,")
        .satisfies(e -> {
          for (NamedParameter p : Parameters.all()) {
            assertThat(e.getMessage()).contains(p.name());
          }
        });
  }
}
