package org.vmmc.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Simulator;

class TeardownTest {

  @Test
  void onlyTheFirstRequestBeginsItAndEveryoneWaitsForItsFinish() {
    List<String> seen = new ArrayList<>();
    try (Simulator sim = new Simulator(1)) {
      Teardown t = new Teardown(sim, "a test object");
      sim.spawn("first", p -> {
        seen.add("first begins: " + t.begin());
        p.hold(SimDuration.ofMicros(10));
        t.finish();
      });
      sim.spawn("second", p -> {
        seen.add("second begins: " + t.begin());
        t.await(p);
        seen.add("second sees it finished at " + p.time());
      });
      sim.run();
      t.whenFinished(() -> seen.add("a later waiter runs at once"));
    }
    assertThat(seen).containsExactly("first begins: true", "second begins: false",
        "second sees it finished at t=10 µs", "a later waiter runs at once");
  }

  @Test
  void finishingTwiceOrBeforeBeginningIsABug() {
    try (Simulator sim = new Simulator(1)) {
      Teardown t = new Teardown(sim, "a test object");
      assertThatThrownBy(t::finish).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a test object");
      t.begin();
      t.finish();
      assertThatThrownBy(t::finish).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aCountdownRunsOnceEveryPartIsDoneAndAtOnceForNone() {
    int[] runs = {0, 0};
    Countdown none = new Countdown(0, () -> runs[0]++);
    Countdown two = new Countdown(2, () -> runs[1]++);
    two.countDown();
    assertThat(runs).containsExactly(1, 0);
    two.countDown();
    assertThat(runs).containsExactly(1, 1);
    assertThatThrownBy(two::countDown).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(none::countDown).isInstanceOf(IllegalStateException.class);
  }
}
