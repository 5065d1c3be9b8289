package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.userlib.Multicomputer;

/** A mesh that cannot carry the design's packets is refused when the machine is built. */
class MeshPayloadLimitTest {

  @ParameterizedTest
  @EnumSource(Designs.class)
  void aMeshPayloadLimitBelowTheDesignsPacketSizeIsRefusedNamingBoth(Designs design) {
    assertThatThrownBy(() -> Multicomputer.builder().design(design.module()).mesh(2, 1)
        .meshParameters(m -> m.toBuilder().maxPayloadBytes(1024).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1024 bytes")
        .hasMessageContaining("up to 4096 bytes");
  }
}
