package org.vmmc.hardware.shrimp1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;

class Shrimp1ParametersTest {
  private static final Shrimp1Parameters D = Shrimp1Parameters.DEFAULTS;

  @Test
  void theDefaultPoolLiesInTheKernelsDefaultReservedFrames() {
    assertThat(D.firstSendPageFrame()).isEqualTo(128);
    assertThat(D.firstSendPageFrame() + D.sendPages()).isLessThanOrEqualTo(256);
  }

  @Test
  void builderChangesOnlyWhatIsSet() {
    Shrimp1Parameters p = D.toBuilder().firstSendPageFrame(1000).sendPages(8).sendQueueDepth(3)
        .build();
    assertThat(p.firstSendPageFrame()).isEqualTo(1000);
    assertThat(p.sendPages()).isEqualTo(8);
    assertThat(p.sendQueueDepth()).isEqualTo(3);
    assertThat(p.clock()).isEqualTo(D.clock());
    assertThat(p.incomingFifoPackets()).isEqualTo(D.incomingFifoPackets());
  }

  @Test
  void badFiguresAreRefusedByName() {
    ClockRate c = D.clock();
    assertThatThrownBy(() -> new Shrimp1Parameters(c, -1, 1, 0, 0, 0, 1, 0))
        .hasMessage("firstSendPageFrame must not be negative: -1");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 0, 0, 0, 0, 1, 0))
        .hasMessage("sendPages must be positive: 0");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 1, -2, 0, 0, 1, 0))
        .hasMessage("startCycles must not be negative: -2");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 1, 0, -1, 0, 1, 0))
        .hasMessage("sendQueueDepth must not be negative: -1");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 1, 0, 0, -1, 1, 0))
        .hasMessage("packetizerCycles must not be negative: -1");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 1, 0, 0, 0, 0, 0))
        .hasMessage("incomingFifoPackets must be positive: 0");
    assertThatThrownBy(() -> new Shrimp1Parameters(c, 0, 1, 0, 0, 0, 1, -3))
        .hasMessage("incomingCheckCycles must not be negative: -3");
    assertThatThrownBy(() -> new Shrimp1Parameters(null, 0, 1, 0, 0, 0, 1, 0))
        .isInstanceOf(NullPointerException.class).hasMessage("clock");
  }
}
