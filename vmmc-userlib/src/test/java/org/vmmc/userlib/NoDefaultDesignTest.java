package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.hardware.shrimp1.Shrimp1Module;

/** A machine's design is always stated: the builder has no default. */
class NoDefaultDesignTest {

  @Test
  void buildingWithoutADesignIsRefusedListingTheDesignsFound() {
    assertThatThrownBy(() -> Multicomputer.builder().mesh(2, 1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no network interface design: call design(module) before build()")
        .hasMessageContaining("shrimp1 (org.vmmc.hardware.shrimp1.Shrimp1Plugin)")
        .hasMessageContaining("shrimp2 (org.vmmc.hardware.shrimp2.Shrimp2Plugin)")
        .hasMessageContaining("conventional (org.vmmc.hardware.conventional.ConventionalPlugin)");
  }

  @Test
  void theDesignGivenIsTheOneBuilt() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module()).mesh(1, 1)
        .build()) {
      assertThat(mc.design().name()).isEqualTo("shrimp1");
    }
  }
}
