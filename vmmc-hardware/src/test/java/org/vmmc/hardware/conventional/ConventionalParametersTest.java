package org.vmmc.hardware.conventional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;

class ConventionalParametersTest {
  private static final ConventionalParameters D = ConventionalParameters.PARAGON_NX;
  private static final ClockRate C = D.cardClock();

  @Test
  void builderChangesOnlyWhatIsSet() {
    ConventionalParameters p = D.toBuilder().sendPathCycles(1).sendProtocolCycles(2)
        .interruptServiceCycles(3).receiveProtocolCycles(4).kernelSendBuffers(5)
        .kernelReceiveBuffers(6).build();
    assertThat(p).isEqualTo(new ConventionalParameters(1, 2, D.copySetupCycles(),
        D.nicStartReferences(), 3, 4, 5, 6, C, D.packetizerCycles()));
  }

  @Test
  void badFiguresAreRefusedByName() {
    assertThatThrownBy(() -> new ConventionalParameters(-1, 0, 0, 0, 0, 0, 1, 1, C, 0))
        .hasMessage("sendPathCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, -1, 0, 0, 0, 0, 1, 1, C, 0))
        .hasMessage("sendProtocolCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, -1, 0, 0, 0, 1, 1, C, 0))
        .hasMessage("copySetupCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, -1, 0, 0, 1, 1, C, 0))
        .hasMessage("nicStartReferences must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, -1, 0, 1, 1, C, 0))
        .hasMessage("interruptServiceCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, 0, -1, 1, 1, C, 0))
        .hasMessage("receiveProtocolCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, 0, 0, 0, 1, C, 0))
        .hasMessage("kernelSendBuffers must be positive: 0");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, 0, 0, 1, 0, C, 0))
        .hasMessage("kernelReceiveBuffers must be positive: 0");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, 0, 0, 1, 1, C, -1))
        .hasMessage("packetizerCycles must not be negative: -1");
    assertThatThrownBy(() -> new ConventionalParameters(0, 0, 0, 0, 0, 0, 1, 1, null, 0))
        .isInstanceOf(NullPointerException.class).hasMessage("cardClock");
  }
}
