package org.vmmc.hardware.shrimp2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

class Shrimp2ParametersTest {
  private static final Shrimp2Parameters D = Shrimp2Parameters.DEFAULTS;

  @Test
  void theBuilderChangesOnlyWhatIsSet() {
    assertThat(D.toBuilder().outgoingFifoWords(8).build()).isEqualTo(new Shrimp2Parameters(
        D.clock(), D.outgoingTableEntries(), D.udmaStartCycles(), D.duQueueDepth(),
        D.maxPacketPayload(), D.packetizerCycles(), D.incomingFifoPackets(),
        D.incomingCheckCycles(), 8, D.snoopCycles(), D.combiningTimerCycles(),
        D.interruptEveryArrival()));
    Shrimp2Parameters changed = D.toBuilder().snoopCycles(9).combiningTimerCycles(10)
        .maxPacketPayload(16).build();
    assertThat(changed.snoopCycles()).isEqualTo(9);
    assertThat(changed.maxPacketPayload()).isEqualTo(16);
    assertThat(changed.toBuilder().snoopCycles(D.snoopCycles())
        .combiningTimerCycles(D.combiningTimerCycles()).maxPacketPayload(D.maxPacketPayload())
        .build()).isEqualTo(D);
  }

  @Test
  void cyclesAreCountedOnTheInterfaceClock() {
    // 96 cycles of the 33 MHz interface clock: 2909.0909... ns, to the nearest picosecond.
    assertThat(D.cycles(D.combiningTimerCycles())).isEqualTo(SimDuration.ofPicos(2_909_091));
  }

  @Test
  void automaticUpdateFiguresAreCheckedWithTheirNameAndValue() {
    assertThatThrownBy(() -> D.toBuilder().outgoingFifoWords(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outgoingFifoWords must be positive: 0");
    assertThatThrownBy(() -> D.toBuilder().combiningTimerCycles(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("combiningTimerCycles must be positive: 0");
    assertThatThrownBy(() -> D.toBuilder().snoopCycles(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("snoopCycles must not be negative: -1");
    assertThatThrownBy(() -> D.toBuilder().maxPacketPayload(6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPacketPayload must be a positive multiple of 4 bytes: 6");
  }
}
