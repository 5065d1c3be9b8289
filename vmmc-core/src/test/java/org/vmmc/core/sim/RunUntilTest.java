package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class RunUntilTest {
  private final Simulator sim = new Simulator(1);
  private final List<String> log = new ArrayList<>();

  private static SimTime at(long micros) {
    return SimTime.after(SimDuration.ofMicros(micros));
  }

  private void noteAt(long micros) {
    sim.scheduleAt(at(micros), TracePoint.machine(Stage.OTHER, "e" + micros),
        () -> log.add("e" + micros));
  }

  @Test
  void runUntilATimeRunsEverythingDueByThenAndMovesTheClockThere() {
    noteAt(1);
    noteAt(2);
    noteAt(3);
    noteAt(5);

    RunSummary first = sim.runUntil(at(3));
    assertThat(log).containsExactly("e1", "e2", "e3");
    assertThat(first).isEqualTo(new RunSummary(at(3), 3, 1));

    RunSummary second = sim.runUntil(at(4));
    assertThat(second).isEqualTo(new RunSummary(at(4), 3, 1));
    assertThat(sim.now()).isEqualTo(at(4));

    RunSummary rest = sim.run();
    assertThat(log).containsExactly("e1", "e2", "e3", "e5");
    assertThat(rest).isEqualTo(new RunSummary(at(5), 4, 0));
  }

  @Test
  void runUntilATimeStopsAProcessBetweenItsSteps() {
    sim.spawn("ticker", p -> {
      for (int i = 0; i < 10; i++) {
        log.add("tick " + p.time());
        p.hold(SimDuration.ofMicros(1));
      }
    });
    sim.runUntil(SimTime.ofPicos(2_500_000));
    assertThat(log).containsExactly("tick t=0 ps", "tick t=1 µs", "tick t=2 µs");
    assertThat(sim.now()).isEqualTo(SimTime.ofPicos(2_500_000));
    sim.runUntil(at(4));
    assertThat(log).hasSize(5).last().isEqualTo("tick t=4 µs");
    sim.run();
    assertThat(log).hasSize(10);
    assertThat(sim.now()).isEqualTo(at(10));
  }

  @Test
  void aProcessLeftWaitingByRunUntilCanBeSignalledFromOutside() {
    Signal go = sim.signal("go");
    sim.spawn("waiter", p -> {
      p.await(go);
      log.add("went at " + p.time());
    });
    sim.runUntil(at(2)); // nothing pending, but the caller may still signal: no deadlock yet
    assertThat(sim.pendingEvents()).isZero();

    go.signalAll();
    sim.run();

    assertThat(log).containsExactly("went at t=2 µs");
  }

  @Test
  void runUntilAConditionStopsAfterTheEventThatMakesItTrue() {
    int[] count = {0};
    for (int i = 1; i <= 5; i++) {
      sim.schedule(SimDuration.ofMicros(i), () -> count[0]++);
    }
    RunSummary summary = sim.runUntil(() -> count[0] == 3);
    assertThat(count[0]).isEqualTo(3);
    assertThat(summary).isEqualTo(new RunSummary(at(3), 3, 2));
  }

  @Test
  void runUntilAConditionSeesWhatProcessCodeChanges() {
    boolean[] received = {false};
    Signal more = sim.signal("more work");
    sim.spawn("receiver", p -> {
      p.hold(SimDuration.ofMicros(2));
      received[0] = true;
      p.await(more); // blocks forever: the condition must still stop the run here
    });
    sim.schedule(SimDuration.ofMicros(7), () -> log.add("too far"));

    RunSummary summary = sim.runUntil(() -> received[0]);

    assertThat(summary.endTime()).isEqualTo(at(2));
    assertThat(log).isEmpty();
    sim.close();
  }

  @Test
  void aConditionThatAlreadyHoldsRunsNothing() {
    noteAt(1);
    RunSummary summary = sim.runUntil(() -> true);
    assertThat(summary).isEqualTo(new RunSummary(SimTime.ZERO, 0, 1));
    assertThat(log).isEmpty();
  }

  @Test
  void aConditionThatNeverHoldsRunsToTheEnd() {
    noteAt(1);
    noteAt(2);
    RunSummary summary = sim.runUntil(() -> false);
    assertThat(summary).isEqualTo(new RunSummary(at(2), 2, 0));
  }

  @Test
  void aConditionThatThrowsEndsTheRunWithAReport() {
    noteAt(1);
    int[] calls = {0};
    assertThatThrownBy(() -> sim.runUntil(() -> {
      if (++calls[0] > 1) {
        throw new IllegalStateException("broken probe");
      }
      return false;
    }))
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith("the stop condition of runUntil failed at t=0 ps");
  }

  @Test
  void runningUntilThePastIsRefused() {
    noteAt(2);
    sim.run();
    assertThatThrownBy(() -> sim.runUntil(at(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot run until t=1 µs: now is already t=2 µs");
  }
}
