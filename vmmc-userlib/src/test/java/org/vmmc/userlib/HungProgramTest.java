package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.sim.ProcessHungException;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** A program that blocks outside the simulator is reported by name, after the builder's grace. */
class HungProgramTest {
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseTheHungThread() {
    release.countDown();
  }

  @Test
  void aProgramBlockedOnAHostLatchEndsTheRunNamingIt() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(1, 1).seed(3)
        .hangGrace(Duration.ofMillis(100)).build()) {
      mc.node(0).spawn("stuck", p -> {
        p.compute(10);
        release.await();
      });
      assertThatThrownBy(mc::run).isInstanceOfSatisfying(ProcessHungException.class,
          e -> assertThat(e.processName()).isEqualTo("stuck"));
    }
  }

  @Test
  void theGraceMustBePositive() {
    assertThatThrownBy(() -> Multicomputer.builder().hangGrace(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }
}
