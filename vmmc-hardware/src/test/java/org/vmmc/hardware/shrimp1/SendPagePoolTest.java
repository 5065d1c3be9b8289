package org.vmmc.hardware.shrimp1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;

class SendPagePoolTest {
  private final SendPagePool pool = new SendPagePool(100, 4);

  @Test
  void handsOutTheLowestFreeFramesAndTakesThemBack() {
    assertThat(pool.allocate(2)).containsExactly(new FrameNumber(100), new FrameNumber(101));
    pool.free(new FrameNumber(100));
    assertThat(pool.allocate(2)).containsExactly(new FrameNumber(100), new FrameNumber(102));
    assertThat(pool.inUse()).isEqualTo(3);
  }

  @Test
  void ownsExactlyItsRange() {
    assertThat(pool.owns(new FrameNumber(99))).isFalse();
    assertThat(pool.owns(new FrameNumber(100))).isTrue();
    assertThat(pool.owns(new FrameNumber(103))).isTrue();
    assertThat(pool.owns(new FrameNumber(104))).isFalse();
    assertThat(pool.indexOf(new FrameNumber(103))).isEqualTo(3);
    assertThatThrownBy(() -> pool.indexOf(new FrameNumber(104)))
        .hasMessage("frame 104 is not a send page (the pool is frames 100 to 103)");
  }

  @Test
  void freeingAFrameNotInUseIsABug() {
    assertThatThrownBy(() -> pool.free(new FrameNumber(101)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in use");
  }
}
