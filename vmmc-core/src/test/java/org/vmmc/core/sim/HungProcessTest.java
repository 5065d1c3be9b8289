package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

/**
 * A process that blocks or spins outside the simulator stops the whole simulation, since only
 * one piece of simulation code runs at a time: the run reports it instead of hanging.
 */
class HungProcessTest {
  /** A short grace so each test ends well under a second of host time. */
  private static final Duration GRACE = Duration.ofMillis(100);

  private final Simulator sim = new Simulator(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Object monitor = new Object();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void releaseHostWaits() {
    // The hung bodies end once released: none is left behind.
    release.countDown();
    stop.set(true);
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  @Test
  void aBodyWaitingOnAHostLatchIsReportedByName() throws Exception {
    sim.setHangGrace(GRACE);
    sim.spawn("worker", p -> p.hold(SimDuration.ofMicros(1)));
    sim.spawn("latched", p -> {
      p.hold(SimDuration.ofMicros(2));
      release.await();
    });
    ProcessHungException e = catchThrowableOfType(ProcessHungException.class, sim::run);
    assertThat(e.processName()).isEqualTo("latched");
    assertThat(e.hostState()).isEqualTo(Thread.State.WAITING);
    assertThat(e).hasMessageContaining("latched")
        .hasMessageContaining("outside the simulator")
        .hasMessageContaining("CountDownLatch")
        .hasMessageContaining("t=2 µs")
        .hasMessageContaining("(in " + HungProcessTest.class.getName());
    assertThat(e.getStackTrace()).isNotEmpty();
    assertThatThrownBy(sim::run).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void twoBodiesOnOneHostMonitorAreReportedNotLeftHanging() {
    sim.setHangGrace(GRACE);
    // The holder keeps the monitor while it waits in simulated time; the other body blocks on
    // the monitor, and with it the whole simulation.
    sim.spawn("holder", p -> {
      synchronized (monitor) {
        p.hold(SimDuration.ofMicros(10));
      }
    });
    sim.spawn("contender", p -> {
      p.hold(SimDuration.ofMicros(1));
      synchronized (monitor) {
        p.hold(SimDuration.ofMicros(1));
        log.add("never: ending the holder lets it in, but its next call ends it");
      }
    });
    ProcessHungException e = catchThrowableOfType(ProcessHungException.class, sim::run);
    assertThat(e.processName()).isEqualTo("contender");
    assertThat(e.hostState()).isEqualTo(Thread.State.BLOCKED);
    assertThat(e).hasMessageContaining("contender").hasMessageContaining("monitor");
    assertThat(log).isEmpty();
  }

  @Test
  void aBodyInObjectWaitIsReported() {
    sim.setHangGrace(GRACE);
    sim.spawn("waiter", p -> {
      synchronized (monitor) {
        while (!stop.get()) {
          monitor.wait();
        }
      }
    });
    ProcessHungException e = catchThrowableOfType(ProcessHungException.class, sim::run);
    assertThat(e.processName()).isEqualTo("waiter");
    assertThat(e.hostState()).isEqualTo(Thread.State.WAITING);
  }

  @Test
  void aBodySpinningWithoutCallingTheSimulatorIsReported() {
    sim.setHangGrace(GRACE);
    sim.spawn("spinner", p -> {
      p.hold(SimDuration.ofNanos(5));
      while (!stop.get()) {
        Thread.onSpinWait();
      }
    });
    ProcessHungException e = catchThrowableOfType(ProcessHungException.class,
        () -> sim.runUntil(SimTime.ofPicos(1_000_000)));
    assertThat(e.processName()).isEqualTo("spinner");
    assertThat(e.hostState()).isEqualTo(Thread.State.RUNNABLE);
    assertThat(e).hasMessageContaining("spinner").hasMessageContaining("without calling");
  }

  @Test
  void anEventActionBlockingOnAProcessThreadIsReportedByItsLabel() {
    sim.setHangGrace(GRACE);
    sim.spawn("host of the event", p -> p.hold(SimDuration.ofMicros(10)));
    // The process's thread dispatches this action while the process holds.
    sim.schedule(SimDuration.ofMicros(4), TracePoint.machine(Stage.OTHER, "stuck timer"),
        () -> {
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    });
    ProcessHungException e = catchThrowableOfType(ProcessHungException.class, sim::run);
    assertThat(e).hasMessageContaining("event 'stuck timer'")
        .hasMessageContaining("host of the event");
  }

  @Test
  void aHungBodyReleasedAfterTheReportEndsWithoutTouchingTheSimulator() throws Exception {
    sim.setHangGrace(GRACE);
    CountDownLatch ended = new CountDownLatch(1);
    sim.spawn("latched", p -> {
      try {
        release.await();
        p.hold(SimDuration.ofMicros(1));
        log.add("held after the report");
      } finally {
        ended.countDown();
      }
    });
    catchThrowableOfType(ProcessHungException.class, sim::run);
    release.countDown();
    ended.await();
    assertThat(log).isEmpty();
  }

  @Test
  void theGraceMustBePositive() {
    assertThatThrownBy(() -> sim.setHangGrace(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    assertThat(new Simulator(1).hangGrace()).isEqualTo(Simulator.DEFAULT_HANG_GRACE);
  }

  // ---- a body that never blocks but keeps charging local work ----

  @Test
  void runUntilStopsABodyThatOnlyConsumesAtTheLimit() {
    long[] iterations = {0};
    sim.spawn("looper", p -> {
      while (true) {
        p.consume(SimDuration.ofNanos(100));
        iterations[0]++;
      }
    });
    RunSummary first = sim.runUntil(SimTime.ofPicos(1_000_000));
    assertThat(first.endTime()).isEqualTo(SimTime.ofPicos(1_000_000));
    // It stopped at its first consume past 1 µs: the eleventh.
    assertThat(iterations[0]).isEqualTo(10);
    sim.runUntil(SimTime.ofPicos(2_000_000));
    assertThat(iterations[0]).isEqualTo(20);
    sim.close();
  }

  @Test
  void aBodyThatOnlyComputesCannotKeepRunUntilFromReturningWhileOthersWait() {
    boolean[] fired = {false};
    sim.spawn("looper", p -> {
      while (true) {
        p.consume(SimDuration.ofNanos(100));
      }
    });
    sim.schedule(SimDuration.ofNanos(500), TracePoint.machine(Stage.OTHER, "starved"),
        () -> fired[0] = true);
    RunSummary summary = sim.runUntil(SimTime.ofPicos(1_000_000));
    // The looper never lets time pass for anyone else: the run ends early, the event waits.
    assertThat(summary.endTime()).isEqualTo(SimTime.ZERO);
    assertThat(summary.pendingEvents()).isEqualTo(1);
    assertThat(fired[0]).isFalse();
    assertThat(sim.runUntil(SimTime.ofPicos(1_000_000)).endTime()).isEqualTo(SimTime.ZERO);
    sim.close();
  }

  @Test
  void aConsumePastTheLimitLetsNoEventRunBeforeTheProcessSynchronises() {
    boolean[] fired = {false};
    sim.spawn("computer", p -> {
      p.consume(SimDuration.ofMicros(5));
      log.add("after consume " + fired[0]);
      p.sync();
      log.add("after sync " + fired[0]);
    });
    sim.schedule(SimDuration.ofMicros(2), TracePoint.machine(Stage.OTHER, "timer"),
        () -> fired[0] = true);
    // The consume passes the limit with the timer still due: the process runs on to its sync.
    RunSummary summary = sim.runUntil(SimTime.ofPicos(3_000_000));
    assertThat(log).containsExactly("after consume false");
    assertThat(summary.endTime()).isEqualTo(SimTime.ofPicos(3_000_000));
    assertThat(fired[0]).isTrue();
    sim.run();
    assertThat(log).containsExactly("after consume false", "after sync true");
  }

  @Test
  void stoppingAtTheLimitLeavesTheResultsAsAnUnbrokenRunWouldHave() {
    assertThat(splitRun(new long[] {3, 7, 11, 40})).isEqualTo(splitRun(new long[] {40}));
  }

  @Test
  void aSplitRunOrdersEventsAtOneInstantAsAnUnbrokenRun() {
    // The runner's clock passes 3 µs at its first consume, before the event at 4 µs runs; that
    // event schedules one at 10 µs, the instant the runner synchronises. Unbroken, the runner's
    // resumption was scheduled first, so it runs first at 10 µs; a split must not change that.
    assertThat(sameInstant(3)).isEqualTo(sameInstant(-1)).containsExactly("runner sees 0");
  }

  private static List<String> sameInstant(long limitMicros) {
    List<String> seen = new ArrayList<>();
    try (Simulator s = new Simulator(7)) {
      int[] flag = {0};
      s.spawn("runner", p -> {
        p.consume(SimDuration.ofMicros(5));
        p.consume(SimDuration.ofMicros(5));
        p.sync();
        seen.add("runner sees " + flag[0]);
      });
      s.schedule(SimDuration.ofMicros(4), TracePoint.machine(Stage.OTHER, "setter"), () ->
          s.schedule(SimDuration.ofMicros(6), TracePoint.machine(Stage.OTHER, "set"),
              () -> flag[0] = 1));
      if (limitMicros >= 0) {
        s.runUntil(SimTime.ofPicos(limitMicros * 1_000_000));
      }
      s.run();
    }
    return seen;
  }

  /** A runner ahead of global time and a ticker interleave; returns who saw what, when. */
  private static List<String> splitRun(long[] limitsMicros) {
    List<String> seen = new ArrayList<>();
    try (Simulator s = new Simulator(7)) {
      Signal tick = s.signal("tick");
      int[] ticks = {0};
      s.spawn("runner", p -> {
        for (int i = 0; i < 6; i++) {
          p.consume(SimDuration.ofMicros(5));
          p.sync();
          seen.add("runner " + p.time() + " ticks " + ticks[0]);
          tick.signalAll();
        }
      });
      s.spawn("ticker", p -> {
        for (int i = 0; i < 12; i++) {
          p.hold(SimDuration.ofMicros(5));
          ticks[0]++;
          seen.add("ticker " + p.time());
        }
      });
      for (long limit : limitsMicros) {
        s.runUntil(SimTime.ofPicos(limit * 1_000_000));
      }
    }
    return seen;
  }
}
