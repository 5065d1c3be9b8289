package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void rangeIsEveryPowerOfTwoFromStartToEnd() {
    assertThat(Sizes.parse("4..64K")).hasSize(15).startsWith(4, 8, 16).endsWith(32768, 65536);
  }

  @Test
  void listsAndRangesMixAndCollapseToSortedDistinctSizes() {
    assertThat(Sizes.parse("4K, 4, 16..32, 4096, 100")).containsExactly(4, 16, 32, 100, 4096);
  }

  @Test
  void unitsAreBytesOrKilobytesOf1024() {
    assertThat(Sizes.parse("8B,2KB,1k")).containsExactly(8, 1024, 2048);
  }

  @Test
  void sizeThatIsNotAWholeNumberOfWordsIsRefused() {
    assertThatThrownBy(() -> Sizes.parse("4,6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4 bytes").hasMessageContaining("6");
  }

  @Test
  void emptyListIsRefused() {
    assertThatThrownBy(() -> Sizes.parse(" , "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no size given");
  }
}
