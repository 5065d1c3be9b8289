package org.vmmc.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

/** The kernel presets hold the figures their Javadoc documents, written out here once. */
class PresetsTest {
  static final KernelParameters KERNEL = new KernelParameters(
      256, 1_200, 2_000, 3_000, 1_500, 2_000, 300, 600, SimDuration.ofMillis(200));
  static final AutomaticUpdateParameters AUTOMATIC_UPDATE = new AutomaticUpdateParameters(300, 300);

  @Test
  void presetsHoldTheDocumentedFigures() {
    assertThat(KernelParameters.DEFAULTS).isEqualTo(KERNEL);
    assertThat(AutomaticUpdateParameters.DEFAULTS).isEqualTo(AUTOMATIC_UPDATE);
  }

  @Test
  void declaredDefaultsAreThePresets() {
    assertThat(KernelParameters.PARAMETERS.defaults()).isEqualTo(KERNEL);
    assertThat(AutomaticUpdateParameters.PARAMETERS.defaults()).isEqualTo(AUTOMATIC_UPDATE);
  }

  @Test
  void buildersRoundTripTheirRecords() {
    KernelParameters k = KERNEL.toBuilder().upcallCycles(7).reservedFrames(300).build();
    assertThat(k.toBuilder().build()).isEqualTo(k);
    AutomaticUpdateParameters au = AUTOMATIC_UPDATE.toBuilder().bindCyclesPerPage(1).build();
    assertThat(au.toBuilder().build()).isEqualTo(au);
    assertThat(au.unbindCyclesPerPage()).isEqualTo(300);
  }
}
