package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

/**
 * A process that runs ahead may not start a plain wait: what it tested was tested at its own
 * time, and a signal given while it catches up would find no waiter.
 */
class AwaitWhileAheadTest {
  private final Simulator sim = new Simulator(1);
  private final Signal changed = sim.signal("the flag");
  private final boolean[] flag = {false};
  private final List<String> log = new ArrayList<>();

  private static SimTime at(long micros) {
    return SimTime.after(SimDuration.ofMicros(micros));
  }

  private void raiseFlagAt(long micros) {
    sim.scheduleAt(at(micros), TracePoint.machine(Stage.OTHER, "raise"), () -> {
      flag[0] = true;
      changed.signalAll();
    });
  }

  @Test
  void aPlainAwaitWhileAheadIsRefusedNamingTheProcessTheSignalAndTheLead() {
    raiseFlagAt(3);
    sim.spawn("handler", p -> {
      p.consume(SimDuration.ofMicros(5));
      if (!flag[0]) {
        p.await(changed);
      }
    });
    assertThatThrownBy(sim::run).isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("await() of handler on 'the flag'")
        .hasMessageContaining("5 µs ahead")
        .hasMessageContaining("awaitUntil");
  }

  @Test
  void aTimedAwaitWhileAheadIsRefusedToo() {
    sim.spawn("handler", p -> {
      p.consume(SimDuration.ofNanos(250));
      p.await(changed, at(10));
    });
    assertThatThrownBy(sim::run).isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("await() of handler on 'the flag'")
        .hasMessageContaining("250 ns ahead");
  }

  @Test
  void aPlainAwaitAfterSyncingIsAllowed() {
    raiseFlagAt(8);
    sim.spawn("handler", p -> {
      p.consume(SimDuration.ofMicros(5));
      p.sync();
      if (!flag[0]) {
        p.await(changed);
      }
      log.add("woke at " + p.time());
    });
    sim.run();
    assertThat(log).containsExactly("woke at t=8 µs");
  }

  @Test
  void aTimedAwaitUntilSeesAChangeMadeWhileCatchingUp() {
    raiseFlagAt(3);
    sim.spawn("handler", p -> {
      p.consume(SimDuration.ofMicros(5));
      log.add(p.awaitUntil(changed, () -> flag[0], at(20)) + " at " + p.time());
    });
    sim.run();
    assertThat(log).containsExactly("true at t=5 µs");
  }

  @Test
  void aTimedAwaitUntilGivesUpAtTheDeadline() {
    raiseFlagAt(30);
    sim.spawn("handler", p -> {
      p.consume(SimDuration.ofMicros(5));
      log.add(p.awaitUntil(changed, () -> flag[0], at(20)) + " at " + p.time());
    });
    sim.run();
    assertThat(log).containsExactly("false at t=20 µs");
  }

  @Test
  void aConditionThatChargesLocalWorkIsTestedAgainAfterCatchingUp() {
    raiseFlagAt(3);
    sim.spawn("handler", p -> {
      p.awaitUntil(changed, () -> {
        p.consume(SimDuration.ofMicros(2));
        return flag[0];
      });
      log.add("saw it at " + p.time());
    });
    sim.run();
    // Tests at 0 (until 2), 2 (until 4): the second sees the flag raised at 3 once caught up.
    assertThat(log).containsExactly("saw it at t=6 µs");
  }

  @Test
  void sleepUntilMayStartWhileAheadAndEndsAtTheDeadline() {
    sim.spawn("sleeper", p -> {
      p.consume(SimDuration.ofMicros(5));
      p.sleepUntil(at(12));
      log.add("up at " + p.time());
      p.sleepUntil(at(4));
      log.add("still up at " + p.time());
    });
    sim.run();
    assertThat(log).containsExactly("up at t=12 µs", "still up at t=12 µs");
  }
}
