package org.vmmc.hardware.shrimp2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

class Shrimp2ParametersTest {
  private static final Shrimp2Parameters D = Shrimp2Parameters.DEFAULTS;

  @Test
  void eachWitherChangesOnlyItsOwnFigure() {
    assertThat(D.withOutgoingFifoWords(8)).isEqualTo(new Shrimp2Parameters(D.clock(),
        D.outgoingTableEntries(), D.udmaStartCycles(), D.duQueueDepth(), D.maxPacketPayload(),
        D.packetizerCycles(), D.incomingFifoPackets(), D.incomingCheckCycles(), 8,
        D.snoopCycles(), D.combiningTimerCycles()));
    assertThat(D.withSnoopCycles(9).snoopCycles()).isEqualTo(9);
    assertThat(D.withSnoopCycles(9).withSnoopCycles(D.snoopCycles())).isEqualTo(D);
    assertThat(D.withCombiningTimerCycles(10).withCombiningTimerCycles(D.combiningTimerCycles()))
        .isEqualTo(D);
    assertThat(D.withMaxPacketPayload(16).maxPacketPayload()).isEqualTo(16);
    assertThat(D.withMaxPacketPayload(16).withMaxPacketPayload(D.maxPacketPayload()))
        .isEqualTo(D);
  }

  @Test
  void cyclesAreCountedOnTheInterfaceClock() {
    // 96 cycles of the 33 MHz interface clock: 2909.0909... ns, to the nearest picosecond.
    assertThat(D.cycles(D.combiningTimerCycles())).isEqualTo(SimDuration.ofPicos(2_909_091));
  }

  @Test
  void automaticUpdateFiguresAreCheckedWithTheirNameAndValue() {
    assertThatThrownBy(() -> D.withOutgoingFifoWords(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outgoingFifoWords must be positive: 0");
    assertThatThrownBy(() -> D.withCombiningTimerCycles(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("combiningTimerCycles must be positive: 0");
    assertThatThrownBy(() -> D.withSnoopCycles(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("snoopCycles must not be negative: -1");
    assertThatThrownBy(() -> D.withMaxPacketPayload(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPacketPayload must be a positive multiple of 4 bytes: 6");
  }
}
