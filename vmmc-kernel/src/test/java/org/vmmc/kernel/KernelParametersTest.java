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
  void theBuilderChangesOnlyWhatIsSet() {
    KernelParameters p = KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ofMicros(3))
        .build();
    assertThat(p.quantum()).isEqualTo(SimDuration.ofMicros(3));
    assertThat(p.toBuilder().quantum(KernelParameters.DEFAULTS.quantum()).build())
        .isEqualTo(KernelParameters.DEFAULTS);
  }

  @Test
  void aQuantumMustBePositive() {
    assertThatThrownBy(() -> KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ZERO)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantum must be positive");
  }

  @Test
  void aQuantumGivenOnTheCommandLineIsInMilliseconds() {
    assertThat(KernelParameters.PARAMETERS.with(KernelParameters.DEFAULTS, "quantum-ms", "0.5")
        .quantum()).isEqualTo(SimDuration.ofMicros(500));
    assertThatThrownBy(() -> KernelParameters.PARAMETERS.with(KernelParameters.DEFAULTS,
        "quantum-ms", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad value '0' for kernel.quantum-ms (ms): ")
        .hasMessageContaining("quantum must be positive");
  }
}
