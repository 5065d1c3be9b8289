package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class TimedAwaitTest {
  private final Simulator sim = new Simulator(1);
  private final Signal reply = sim.signal("a reply");
  private final List<String> log = new ArrayList<>();

  private static SimTime at(long micros) {
    return SimTime.after(SimDuration.ofMicros(micros));
  }

  @Test
  void timesOutAtTheDeadlineWhenNoSignalComes() {
    sim.spawn("client", p -> {
      boolean signalled = p.await(reply, at(10));
      log.add(signalled + " at " + p.time());
    });
    RunSummary summary = sim.run();
    assertThat(log).containsExactly("false at t=10 µs");
    assertThat(reply.waiters()).isZero();
    assertThat(summary.endTime()).isEqualTo(at(10));
  }

  @Test
  void returnsTrueAtTheSignalTimeAndTheDeadlineNoLongerMatters() {
    sim.spawn("client", p -> {
      boolean signalled = p.await(reply, at(10));
      log.add(signalled + " at " + p.time());
      // A stale timeout must not wake the process in the middle of this later wait.
      boolean again = p.await(reply, at(30));
      log.add(again + " at " + p.time());
    });
    sim.schedule(SimDuration.ofMicros(4), reply::signalAll);
    sim.schedule(SimDuration.ofMicros(20), reply::signalAll);
    RunSummary summary = sim.run();
    assertThat(log).containsExactly("true at t=4 µs", "true at t=20 µs");
    // The cancelled timeouts at 10 and 30 µs never ran, so the clock stops at the last signal.
    assertThat(summary.endTime()).isEqualTo(at(20));
  }

  @Test
  void aSignalAfterATimeoutFindsNoWaiter() {
    int[] woken = {-1};
    sim.spawn("client", p -> log.add(p.await(reply, at(5)) + " at " + p.time()));
    sim.schedule(SimDuration.ofMicros(6), () -> woken[0] = reply.signalAll());
    sim.run();
    assertThat(log).containsExactly("false at t=5 µs");
    assertThat(woken[0]).isZero();
  }

  @Test
  void aDeadlineThatHasPassedReturnsFalseAtOnce() {
    sim.spawn("client", p -> {
      p.hold(SimDuration.ofMicros(3));
      log.add(p.await(reply, at(2)) + " at " + p.time());
      log.add(p.await(reply, at(3)) + " at " + p.time());
    });
    sim.run();
    assertThat(log).containsExactly("false at t=3 µs", "false at t=3 µs");
  }

  @Test
  void aSignalScheduledBeforeTheWaitBeganBeatsADeadlineAtTheSameInstant() {
    sim.schedule(SimDuration.ofMicros(5), reply::signalAll);
    sim.spawn("client", p -> log.add(p.await(reply, at(5)) + " at " + p.time()));
    sim.run();
    assertThat(log).containsExactly("true at t=5 µs");
  }

  @Test
  void aDeadlineScheduledBeforeTheSignalBeatsItAtTheSameInstant() {
    sim.spawn("client", p -> log.add(p.await(reply, at(5)) + " at " + p.time()));
    // The signal for t=5 µs is only scheduled at t=1 µs, after the wait began.
    sim.schedule(SimDuration.ofMicros(1),
        () -> sim.schedule(SimDuration.ofMicros(4), reply::signalAll));
    sim.run();
    assertThat(log).containsExactly("false at t=5 µs");
  }
}
