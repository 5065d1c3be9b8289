package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.SimDuration;

class ParametersTest {

  @Test
  void pentiumDefaultsRunAt60MegahertzWithSingleCycleCachedReferences() {
    CpuParameters p = CpuParameters.pentium60();
    assertThat(p.clock()).isEqualTo(ClockRate.ofMegahertz(60));
    assertThat(p.cachedLoadCycles()).isEqualTo(1);
    assertThat(p.cachedStoreCycles()).isEqualTo(1);
    assertThat(p.cycles(60)).isEqualTo(SimDuration.ofMicros(1));
  }

  @Test
  void cpuBuilderSetsEachField() {
    CpuParameters p = CpuParameters.pentium60().toBuilder()
        .clock(ClockRate.ofMegahertz(100))
        .cachedLoadCycles(2)
        .cachedStoreCycles(3)
        .uncachedIoCycles(40)
        .trapEntryCycles(5)
        .trapExitCycles(6)
        .interruptEntryCycles(7)
        .interruptExitCycles(8)
        .contextSwitchCycles(9)
        .build();
    assertThat(p).isEqualTo(
        new CpuParameters(ClockRate.ofMegahertz(100), 2, 3, 40, 5, 6, 7, 8, 9));
  }

  @Test
  void negativeCyclesAreRefusedNamingTheOperation() {
    assertThatThrownBy(() -> CpuParameters.pentium60().toBuilder().trapEntryCycles(-1)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trap entry cost must not be negative: -1 cycles");
  }

  @Test
  void xpressWriteTakesFourClocksOfTheSixtyMegahertzBus() {
    assertThat(MemoryBusParameters.xpress().writeTime()).isEqualTo(SimDuration.ofPicos(66_667));
    assertThatThrownBy(() -> new MemoryBusParameters(SimDuration.ZERO))
        .hasMessage("memory bus write time must be positive: 0 ps");
  }

  @Test
  void ethernetDefaultIsHundredsOfMicroseconds() {
    assertThat(ControlNetworkParameters.ethernet().latency())
        .isEqualTo(SimDuration.ofMicros(300));
  }

  @Test
  void valueTypesHaveValueEquality() {
    // The compact constructors refuse nulls, so that probe is left out;
    // IoBusParameters and BusWrite refuse the zero probes EqualsVerifier still makes for
    // their int fields, so their generated equality goes unchecked here.
    Warning[] refused = {Warning.NULL_FIELDS};
    EqualsVerifier.forClass(CpuParameters.class).suppress(refused).verify();
    EqualsVerifier.forClass(MemoryBusParameters.class).suppress(refused).verify();
    EqualsVerifier.forClass(ControlNetworkParameters.class).suppress(refused).verify();
    EqualsVerifier.forClass(MemoryFrame.class).suppress(refused).verify();
    EqualsVerifier.forClass(DevicePage.class).suppress(refused)
        .withPrefabValues(MmioDevice.class, new TestDevice("a"), new TestDevice("b"))
        .verify();
    EqualsVerifier.forClass(PageTableEntry.class).suppress(refused)
        .withPrefabValues(PageTarget.class,
            new MemoryFrame(new FrameNumber(1)), new MemoryFrame(new FrameNumber(2)))
        .verify();
    EqualsVerifier.forClass(Translation.class).suppress(refused)
        .withPrefabValues(MemoryGeometry.class,
            MemoryGeometry.SHRIMP, new MemoryGeometry(8192, 4))
        .withPrefabValues(PageTarget.class,
            new MemoryFrame(new FrameNumber(1)), new MemoryFrame(new FrameNumber(2)))
        .verify();
  }
}
