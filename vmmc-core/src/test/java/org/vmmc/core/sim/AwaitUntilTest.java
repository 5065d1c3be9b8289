package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class AwaitUntilTest {

  @Test
  void aChangeSignalledWhileCatchingUpIsNotMissed() {
    try (Simulator sim = new Simulator(1)) {
      Signal changed = sim.signal("the flag");
      boolean[] flag = {false};
      SimTime[] returnedAt = new SimTime[1];
      sim.schedule(SimDuration.ofMicros(3), () -> {
        flag[0] = true;
        changed.signalAll();
      });
      sim.spawn("waiter", p -> {
        p.consume(SimDuration.ofMicros(5));
        p.awaitUntil(changed, () -> flag[0]);
        returnedAt[0] = p.time();
      });
      sim.run();
      assertThat(returnedAt[0]).isEqualTo(SimTime.ofPicos(5_000_000));
    }
  }

  @Test
  void testingFirstThenAwaitingWhileAheadIsRefusedRatherThanMissingThatChange() {
    Simulator sim = new Simulator(1);
    Signal changed = sim.signal("the flag");
    boolean[] flag = {false};
    sim.schedule(SimDuration.ofMicros(3), () -> {
      flag[0] = true;
      changed.signalAll();
    });
    sim.spawn("naive waiter", p -> {
      p.consume(SimDuration.ofMicros(5));
      if (!flag[0]) {
        p.await(changed);
      }
    });
    assertThatThrownBy(sim::run).isInstanceOf(ProcessFailedException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause().hasMessageContaining("naive waiter");
  }

  @Test
  void waitsForTheConditionNotJustTheSignal() {
    try (Simulator sim = new Simulator(1)) {
      Signal tick = sim.signal("a tick");
      int[] count = {0};
      for (int i = 1; i <= 3; i++) {
        sim.schedule(SimDuration.ofMicros(i), () -> {
          count[0]++;
          tick.signalAll();
        });
      }
      SimTime[] returnedAt = new SimTime[1];
      sim.spawn("waiter", p -> {
        p.awaitUntil(tick, () -> count[0] == 3);
        returnedAt[0] = p.time();
      });
      sim.run();
      assertThat(returnedAt[0]).isEqualTo(SimTime.ofPicos(3_000_000));
    }
  }
}
