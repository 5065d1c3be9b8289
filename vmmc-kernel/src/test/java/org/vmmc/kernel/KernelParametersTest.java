package org.vmmc.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

class KernelParametersTest {

  @Test
  void theDefaultQuantumIsTwentyTicksOfTenMilliseconds() {
    assertThat(KernelParameters.DEFAULTS.quantum()).isEqualTo(SimDuration.ofMillis(200));
  }

  @Test
  void withQuantumChangesOnlyTheQuantum() {
    KernelParameters p = KernelParameters.DEFAULTS.withQuantum(SimDuration.ofMicros(3));
    assertThat(p.quantum()).isEqualTo(SimDuration.ofMicros(3));
    assertThat(p.withQuantum(KernelParameters.DEFAULTS.quantum()))
        .isEqualTo(KernelParameters.DEFAULTS);
  }

  @Test
  void aQuantumMustBePositive() {
    assertThatThrownBy(() -> KernelParameters.DEFAULTS.withQuantum(SimDuration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantum must be positive");
  }
}
