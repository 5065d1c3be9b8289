package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.param.Confidence;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Parameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

class ParameterCatalogTest {
  private static final ParameterCatalog CATALOG = Designs.onClassPath().catalog();
  private final MachineConfig defaults = MachineConfig.defaults();

  @Test
  void theNamesAndUnitsExperimentsAlreadyUseAreKept() {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String line : List.of("cpu.clock-mhz MHz", "cpu.cached-load-cycles cycles",
        "cpu.cached-store-cycles cycles", "cpu.uncached-io-cycles cycles",
        "cpu.trap-entry-cycles cycles", "cpu.trap-exit-cycles cycles",
        "cpu.interrupt-entry-cycles cycles", "cpu.interrupt-exit-cycles cycles",
        "cpu.context-switch-cycles cycles", "xpress.write-ns ns", "eisa.setup-ns ns",
        "eisa.burst-rate MB/s", "eisa.burst-bytes bytes", "eisa.inter-burst-gap-ns ns",
        "mesh.flit-bytes bytes", "mesh.link-cycle-ns ns", "mesh.router-delay-cycles cycles",
        "mesh.link-delay-cycles cycles", "mesh.input-buffer-flits", "mesh.max-payload-bytes bytes",
        "mesh.injection-queue-packets", "ethernet.latency-us µs", "kernel.reserved-frames",
        "kernel.allocate-cycles-per-page cycles", "kernel.export-cycles cycles",
        "kernel.import-cycles cycles", "kernel.control-message-cycles cycles",
        "kernel.unexport-cycles cycles", "kernel.interrupt-dispatch-cycles cycles",
        "kernel.upcall-cycles cycles", "kernel.quantum-ms ms",
        "library.poll-iteration-cycles cycles", "library.poll-miss-cycles cycles",
        "shrimp1.clock-mhz MHz",
        "shrimp1.first-send-page-frame", "shrimp1.send-pages", "shrimp1.start-cycles cycles",
        "shrimp1.send-queue-depth", "shrimp1.packetizer-cycles cycles",
        "shrimp1.incoming-fifo-packets", "shrimp1.incoming-check-cycles cycles",
        "shrimp2.clock-mhz MHz", "shrimp2.outgoing-table-entries",
        "shrimp2.udma-start-cycles cycles", "shrimp2.du-queue-depth",
        "shrimp2.max-packet-payload bytes", "shrimp2.packetizer-cycles cycles",
        "shrimp2.incoming-fifo-packets", "shrimp2.incoming-check-cycles cycles",
        "shrimp2.outgoing-fifo-words", "shrimp2.snoop-cycles cycles",
        "shrimp2.combining-timer-cycles cycles",
        "conventional.send-path-cycles cycles", "conventional.send-protocol-cycles cycles",
        "conventional.copy-setup-cycles cycles", "conventional.nic-start-references",
        "conventional.interrupt-service-cycles cycles",
        "conventional.receive-protocol-cycles cycles", "conventional.kernel-send-buffers",
        "conventional.kernel-receive-buffers", "conventional.card-clock-mhz MHz",
        "conventional.packetizer-cycles cycles")) {
      String[] words = line.split(" ");
      kept.put(words[0], words.length > 1 ? words[1] : "");
    }
    kept.forEach((name, unit) -> assertThat(CATALOG.named(name).unit()).as(name).isEqualTo(unit));
  }

  @Test
  void everyParameterReadsBackTheValueItWasSetTo() {
    for (NamedParameter p : CATALOG.all()) {
      String value = p.valueIn(defaults);
      assertThat(value).as(p.name()).isEqualTo(p.defaultValue());
      assertThat(p.apply(defaults, value)).as(p.name()).isEqualTo(defaults);
    }
  }

  @Test
  void everyParameterSaysHowSureItsDefaultIsAndWhereItComesFrom() {
    for (NamedParameter p : CATALOG.all()) {
      assertThat(p.source()).as(p.name()).isNotBlank();
      assertThat(p.description()).as(p.name()).isNotBlank();
    }
    assertThat(CATALOG.named("eisa.burst-rate").confidence()).isEqualTo(Confidence.STATED);
    assertThat(CATALOG.named("mesh.link-cycle-ns").confidence()).isEqualTo(Confidence.INFERRED);
    assertThat(CATALOG.named("shrimp2.combining-timer-cycles").confidence())
        .isEqualTo(Confidence.UNCERTAIN);
  }

  @Test
  void clockInMegahertzReachesTheCpu() {
    MachineConfig c = CATALOG.apply(defaults, "cpu.clock-mhz=90");

    assertThat(c.hardware().cpu().clock()).isEqualTo(ClockRate.ofMegahertz(90));
    assertThat(c.hardware().cpu().trapEntryCycles())
        .isEqualTo(defaults.hardware().cpu().trapEntryCycles());
  }

  @Test
  void decimalsConvertToWholeBaseUnits() {
    MachineConfig c = CATALOG.apply(CATALOG.apply(defaults, "eisa.burst-rate=33.5"),
        "mesh.link-cycle-ns=7.5");

    assertThat(c.hardware().ioBus().burstRate()).isEqualTo(33_500_000L);
    assertThat(c.get(MachineConfig.MESH).linkCycleTime()).isEqualTo(SimDuration.ofPicos(7_500));
    assertThat(CATALOG.named("mesh.link-cycle-ns").valueIn(c)).isEqualTo("7.5");
  }

  @Test
  void designParametersAreKeptByTheirSet() {
    MachineConfig c = CATALOG.apply(defaults, "shrimp2.max-packet-payload=1024");

    assertThat(c.get(Shrimp2Parameters.PARAMETERS).maxPacketPayload()).isEqualTo(1024);
    assertThat(defaults.get(Shrimp2Parameters.PARAMETERS).maxPacketPayload()).isEqualTo(4096);
    assertThat(c.sets()).containsOnlyKeys(Shrimp2Parameters.PARAMETERS);
  }

  @Test
  void everyLayersParametersAreNamedAndReachTheirRecord() {
    MachineConfig c = defaults;
    c = CATALOG.apply(c, "shrimp1.start-cycles=9");
    c = CATALOG.apply(c, "shrimp2.combining-timer-cycles=48");
    c = CATALOG.apply(c, "shrimp2.snoop-cycles=2");
    c = CATALOG.apply(c, "shrimp2.outgoing-fifo-words=64");
    c = CATALOG.apply(c, "conventional.send-path-cycles=700");
    c = CATALOG.apply(c, "kernel.quantum-ms=10");
    c = CATALOG.apply(c, "au.bind-cycles-per-page=900");
    c = CATALOG.apply(c, "node.memory-bytes=16777216");
    c = CATALOG.apply(c, "mesh.virtual-channels=1");

    assertThat(c.get(Shrimp1Parameters.PARAMETERS).startCycles()).isEqualTo(9);
    assertThat(c.get(Shrimp2Parameters.PARAMETERS).combiningTimerCycles()).isEqualTo(48);
    assertThat(c.get(Shrimp2Parameters.PARAMETERS).snoopCycles()).isEqualTo(2);
    assertThat(c.get(Shrimp2Parameters.PARAMETERS).outgoingFifoWords()).isEqualTo(64);
    assertThat(c.get(ConventionalParameters.PARAMETERS).sendPathCycles()).isEqualTo(700);
    assertThat(c.get(ConventionalParameters.PARAMETERS).sendProtocolCycles())
        .isEqualTo(defaults.get(ConventionalParameters.PARAMETERS).sendProtocolCycles());
    assertThat(c.get(MachineConfig.KERNEL).quantum()).isEqualTo(SimDuration.ofMillis(10));
    assertThat(c.get(MachineConfig.AU).bindCyclesPerPage()).isEqualTo(900);
    assertThat(c.get(MachineConfig.AU).unbindCyclesPerPage()).isEqualTo(300);
    assertThat(c.hardware().memoryBytes()).isEqualTo(16L << 20);
    assertThat(CATALOG.named("kernel.quantum-ms").valueIn(defaults)).isEqualTo("200");
  }

  @Test
  void aRecordChecksItsOwnValues() {
    assertThatThrownBy(() -> CATALOG.apply(defaults, "shrimp2.combining-timer-cycles=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad value '0' for shrimp2.combining-timer-cycles (cycles)")
        .hasMessageContaining("combiningTimerCycles must be positive");
    assertThatThrownBy(() -> CATALOG.apply(defaults, "mesh.virtual-channels=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad value '2' for mesh.virtual-channels")
        .hasMessageContaining("only 1 virtual channel per link is modelled");
  }

  @Test
  void tooPreciseValueIsRefused() {
    assertThatThrownBy(() -> CATALOG.apply(defaults, "mesh.link-cycle-ns=0.0001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mesh.link-cycle-ns").hasMessageContaining("'0.0001'")
        .hasMessageContaining("whole number of ps");
  }

  @Test
  void wholeNumberParameterRefusesFractions() {
    assertThatThrownBy(() -> CATALOG.apply(defaults, "cpu.uncached-io-cycles=2.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad value '2.5' for cpu.uncached-io-cycles (cycles): expected a whole"
            + " number");
  }

  @Test
  void unknownNameListsEveryValidNameWithItsUnit() {
    assertThatThrownBy(() -> CATALOG.apply(defaults, "warp.factor=9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown parameter 'warp.factor' (given the value '9'); valid"
            + " names: cpu.clock-mhz (MHz), cpu.cached-load-cycles (cycles),")
        .satisfies(e -> {
          for (NamedParameter p : CATALOG.all()) {
            assertThat(e.getMessage()).contains(p.name());
          }
        })
        .hasMessageContaining("kernel.reserved-frames, ");
    assertThatThrownBy(() -> CATALOG.named("mesh.width"))
        .hasMessageStartingWith("unknown parameter 'mesh.width'; valid names: ");
  }

  @Test
  void aSettingWithoutAValueSaysWhatItShouldLookLike() {
    assertThatThrownBy(() -> CATALOG.apply(defaults, "cpu.clock-mhz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a parameter setting has the form name=value, not"
            + " 'cpu.clock-mhz'; valid names: cpu.clock-mhz (MHz),");
  }

  @Test
  void aCatalogTakesAnySetsButNotTwoWithOnePrefix() {
    ParameterCatalog kernelOnly = ParameterCatalog.of(List.of(MachineConfig.KERNEL));
    assertThat(kernelOnly.all()).extracting(NamedParameter::name)
        .allMatch(n -> n.startsWith("kernel."));
    assertThat(kernelOnly.apply(defaults, "kernel.upcall-cycles=1").get(MachineConfig.KERNEL)
        .upcallCycles()).isEqualTo(1);
    assertThatThrownBy(() -> kernelOnly.apply(defaults, "cpu.clock-mhz=90"))
        .hasMessageStartingWith("unknown parameter 'cpu.clock-mhz'");
    assertThatThrownBy(() -> ParameterCatalog.of(List.of(MachineConfig.KERNEL,
        MachineConfig.KERNEL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two parameter sets share the prefix 'kernel': node kernel and node kernel");
  }

  @Test
  void equalConfigurationsAreEqualRecords() {
    MachineConfig changed = CATALOG.apply(defaults, "kernel.upcall-cycles=1");
    MachineConfig back = CATALOG.apply(changed, "kernel.upcall-cycles=600");

    assertThat(back).isEqualTo(defaults).hasSameHashCodeAs(defaults);
    assertThat(back.sets()).isEmpty();
    assertThat(changed).isNotEqualTo(defaults);
    EqualsVerifier.forClass(MachineConfig.class)
        .withPrefabValuesForField("width", 2, 3)
        .withPrefabValuesForField("height", 2, 3)
        .withPrefabValues(Map.class, Map.of(),
            Map.of(MachineConfig.KERNEL, changed.get(MachineConfig.KERNEL)))
        .withNonnullFields("sets")
        .verify();
  }
}
