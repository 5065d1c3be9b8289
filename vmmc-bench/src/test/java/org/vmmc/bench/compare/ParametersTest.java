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
  void everyDesignsParametersAreNamedAndReachTheirRecord() {
    MachineConfig c = defaults;
    c = Parameters.apply(c, "shrimp1.start-cycles=9");
    c = Parameters.apply(c, "shrimp2.combining-timer-cycles=48");
    c = Parameters.apply(c, "shrimp2.snoop-cycles=2");
    c = Parameters.apply(c, "shrimp2.outgoing-fifo-words=64");
    c = Parameters.apply(c, "conventional.send-path-cycles=700");
    c = Parameters.apply(c, "kernel.quantum-ms=10");

    assertThat(c.part(MachineConfig.SHRIMP1).startCycles()).isEqualTo(9);
    assertThat(c.part(MachineConfig.SHRIMP2).combiningTimerCycles()).isEqualTo(48);
    assertThat(c.part(MachineConfig.SHRIMP2).snoopCycles()).isEqualTo(2);
    assertThat(c.part(MachineConfig.SHRIMP2).outgoingFifoWords()).isEqualTo(64);
    assertThat(c.part(MachineConfig.CONVENTIONAL).sendPathCycles()).isEqualTo(700);
    assertThat(c.part(MachineConfig.CONVENTIONAL).sendProtocolCycles())
        .isEqualTo(defaults.part(MachineConfig.CONVENTIONAL).sendProtocolCycles());
    assertThat(c.kernel().quantum()).isEqualTo(SimDuration.ofMillis(10));
    assertThat(Parameters.named("kernel.quantum-ms").valueIn(defaults)).isEqualTo("200");
  }

  @Test
  void aDesignsRecordChecksItsOwnValues() {
    assertThatThrownBy(() -> Parameters.apply(defaults, "shrimp2.combining-timer-cycles=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad value '0' for shrimp2.combining-timer-cycles (cycles)")
        .hasMessageContaining("combiningTimerCycles must be positive");
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
