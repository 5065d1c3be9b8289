package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VariantsTest {

  @Test
  void emptySelectionMeansEveryVariant() {
    assertThat(Variants.select(Set.of(), Set.of())).isEqualTo(Variants.ALL);
  }

  @Test
  void selectionByDesignAndModeKeepsRegistryOrder() {
    assertThat(Variants.select(Set.of("shrimp2"), Set.of("du")))
        .extracting(Variant::key).containsExactly("shrimp2/du");
  }

  @Test
  void everyDesignAndModeIsRegisteredInTableOrder() {
    assertThat(Variants.ALL).extracting(Variant::key).containsExactly("shrimp1/du", "shrimp2/du",
        "shrimp2/au", "conventional/kernel");
    assertThat(Variants.select(Set.of("shrimp2"), Set.of())).extracting(Variant::key)
        .containsExactly("shrimp2/du", "shrimp2/au");
    assertThat(Variants.select(Set.of(), Set.of("du"))).extracting(Variant::key)
        .containsExactly("shrimp1/du", "shrimp2/du");
  }

  @Test
  void aDesignWithoutAMode() {
    assertThatThrownBy(() -> Variants.select(Set.of("conventional"), Set.of("au")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no design/mode pair matches")
        .hasMessageContaining("shrimp2/au");
  }

  @Test
  void variantKeysAreUnique() {
    assertThat(Variants.ALL).extracting(Variant::key).doesNotHaveDuplicates();
  }

  @Test
  void unknownDesignNamesTheAvailableOnes() {
    assertThatThrownBy(() -> Variants.select(Set.of("cm5"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("design 'cm5' is not available; available designs: "
            + String.join(", ", Variants.designs()));
  }

  @Test
  void variantNamesMustBeLowerCaseWords() {
    assertThatThrownBy(() -> new Variant("SHRIMP 2", "du", "x", c -> null,
        TransferMethod.DELIBERATE_UPDATE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHRIMP 2");
  }
}
