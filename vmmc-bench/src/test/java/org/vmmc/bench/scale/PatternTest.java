package org.vmmc.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PatternTest {

  @Test
  void derangementIsAPermutationWithoutFixedPoints() {
    for (int n : new int[] {2, 3, 16, 257}) {
      int[] perm = Pattern.derangement(n, n);
      assertThat(Arrays.stream(perm).sorted().toArray()).isEqualTo(IntStream.range(0, n).toArray());
      for (int i = 0; i < n; i++) {
        assertThat(perm[i]).as("perm(%s) of %s", i, n).isNotEqualTo(i);
      }
    }
  }

  @Test
  void derangementDependsOnTheSeedOnly() {
    assertThat(Pattern.derangement(64, 7)).isEqualTo(Pattern.derangement(64, 7))
        .isNotEqualTo(Pattern.derangement(64, 8));
  }

  @Test
  void messageCountsPerRound() {
    assertThat(Pattern.PING_PONG.messages(2, 5)).isEqualTo(10);
    assertThat(Pattern.ALL_TO_ALL.messages(16, 2)).isEqualTo(480);
    assertThat(Pattern.RING.messages(256, 3)).isEqualTo(768);
    assertThat(Pattern.AUTOMATIC_UPDATE_STORES.messages(2, 9)).isEqualTo(9);
  }
}
