package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class FailureReportingTest {
  private final Simulator sim = new Simulator(1);
  private final List<String> log = new ArrayList<>();

  @Test
  void anExceptionInAProcessNamesTheProcessAndItsTime() {
    sim.spawn("crasher", p -> {
      p.hold(SimDuration.ofNanos(7));
      p.consume(SimDuration.ofNanos(3)); // the process's own clock is what counts
      throw new IllegalStateException("boom");
    });

    ProcessFailedException e = catchThrowableOfType(ProcessFailedException.class, sim::run);

    assertThat(e).hasMessage("crasher failed at t=10 ns: java.lang.IllegalStateException: boom");
    assertThat(e.processName()).isEqualTo("crasher");
    assertThat(e.time()).isEqualTo(SimTime.ofPicos(10_000));
    assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExceptionInAnEventActionNamesTheEventAndTheTime() {
    sim.schedule(SimDuration.ofNanos(4), TracePoint.machine(Stage.OTHER, "NIC interrupt"), () -> {
      throw new IllegalArgumentException("bad packet");
    });

    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessage("event 'NIC interrupt' failed at t=4 ns: "
            + "java.lang.IllegalArgumentException: bad packet")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExceptionInAnEventActionRunOnAProcessThreadIsReportedTheSameWay() {
    sim.spawn("worker", p -> p.hold(SimDuration.ofNanos(10)));
    // The worker's thread dispatches this event while the worker holds.
    sim.schedule(SimDuration.ofNanos(5), TracePoint.machine(Stage.OTHER, "timer"), () -> {
      throw new ArithmeticException("overflow");
    });

    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessage("event 'timer' failed at t=5 ns: java.lang.ArithmeticException: overflow");
  }

  @Test
  void afterAFailureTheOtherProcessesAreEndedAndTheSimulatorIsClosed() {
    sim.spawn("bystander", p -> {
      try {
        p.hold(SimDuration.ofMicros(100));
      } finally {
        log.add("bystander cleaned up");
      }
    });
    sim.spawn("crasher", p -> {
      throw new IllegalStateException("boom");
    });

    assertThatThrownBy(sim::run).isInstanceOf(ProcessFailedException.class);

    assertThat(log).containsExactly("bystander cleaned up");
    assertThatThrownBy(sim::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("simulator is closed");
  }

  @Test
  void deadlockReportNamesEveryBlockedProcessAndWhatItWaitsFor() {
    Signal fromB = sim.signal("a message from B");
    Signal fromA = sim.signal("a message from A");
    sim.spawn("A", p -> {
      p.hold(SimDuration.ofNanos(1));
      p.await(fromB);
    });
    sim.spawn("B", p -> {
      p.hold(SimDuration.ofNanos(2));
      p.await(fromA);
    });
    sim.spawnDaemon("server", p -> p.await(sim.signal("a request")));

    SimulationDeadlockException e =
        catchThrowableOfType(SimulationDeadlockException.class, sim::run);

    assertThat(e).hasMessage("deadlock at t=2 ns: no event is pending and 2 process(es) are "
        + "blocked\n  A waits for a message from B since t=1 ns"
        + "\n  B waits for a message from A since t=2 ns");
    assertThat(e.blocked()).containsExactly(
        new SimulationDeadlockException.Blocked("A", "a message from B", SimTime.ofPicos(1_000)),
        new SimulationDeadlockException.Blocked("B", "a message from A", SimTime.ofPicos(2_000)));
  }

  @Test
  void blockedDaemonsAreNotADeadlock() {
    Signal requests = sim.signal("a request");
    SimProcess server = sim.spawnDaemon("server", p -> {
      while (true) {
        p.await(requests);
        log.add("served at " + p.time());
      }
    });
    sim.schedule(SimDuration.ofNanos(3), requests::signalAll);

    RunSummary summary = sim.run();

    assertThat(log).containsExactly("served at t=3 ns");
    assertThat(summary.endTime()).isEqualTo(SimTime.ofPicos(3_000));
    assertThat(server.isDaemon()).isTrue();
    assertThat(server.state()).isEqualTo(SimProcess.State.WAITING);
    sim.close();
    assertThat(server.state()).isEqualTo(SimProcess.State.TERMINATED);
  }

  @Test
  void closeEndsBlockedProcessesAndRunsTheirFinallyBlocks() {
    Signal never = sim.signal("never");
    SimProcess waiting = sim.spawnDaemon("waiting", p -> {
      try {
        p.await(never);
      } finally {
        log.add("waiting cleaned up");
      }
    });
    SimProcess holding = sim.spawn("holding", p -> {
      try {
        p.hold(SimDuration.ofMillis(1));
      } finally {
        log.add("holding cleaned up");
      }
    });
    SimProcess finished = sim.spawn("finished", p -> log.add("finished ran"));
    sim.runUntil(SimTime.ZERO);
    SimProcess unstarted = sim.spawn("unstarted", p -> log.add("unstarted ran"));

    sim.close();
    sim.close(); // closing twice does nothing

    assertThat(log).containsExactlyInAnyOrder(
        "finished ran", "waiting cleaned up", "holding cleaned up");
    assertThat(List.of(waiting, holding, finished, unstarted))
        .allSatisfy(p -> assertThat(p.state()).isEqualTo(SimProcess.State.TERMINATED));
    assertThatThrownBy(() -> sim.spawn("another", p -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("simulator is closed");
  }

  @Test
  void aProcessEndedWhileWaitingLeavesTheSignal() {
    Signal never = sim.signal("never");
    SimProcess waiter = sim.spawnDaemon("waiter", p -> p.await(never));
    sim.spawnDaemon("last word", p -> {
      try {
        p.await(sim.signal("also never"));
      } finally {
        never.signalAll(); // runs after the waiter was ended: must not revive it
      }
    });
    sim.run();
    assertThat(never.waiters()).isEqualTo(1);

    sim.close();

    assertThat(never.waiters()).isZero();
    assertThat(waiter.state()).isEqualTo(SimProcess.State.TERMINATED);
  }

  @Test
  void processCodeCatchingExceptionDoesNotSwallowBeingEnded() {
    boolean[] swallowed = {false};
    sim.spawnDaemon("stubborn", p -> {
      try {
        p.await(sim.signal("never"));
      } catch (Exception e) {
        swallowed[0] = true;
      }
      log.add("went on after being ended");
    });
    sim.run();
    sim.close();
    assertThat(swallowed[0]).isFalse();
    assertThat(log).isEmpty();
  }

  @Test
  void aFinallyBlockThatThrowsWhileBeingEndedIsReportedByClose() {
    sim.spawnDaemon("messy", p -> {
      try {
        p.await(sim.signal("never"));
      } finally {
        failCleanUp();
      }
    });
    sim.run();
    assertThatThrownBy(sim::close)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith("messy failed at t=0 ps: ")
        .hasRootCauseMessage("cleanup failed");
  }

  private static void failCleanUp() {
    throw new IllegalStateException("cleanup failed");
  }

  @Test
  void aTracerThatThrowsEndsTheRunWithAReport() {
    sim.setTracer(record -> {
      throw new IllegalStateException("trace file full");
    });
    sim.schedule(SimDuration.ofNanos(1), () -> log.add("ran"));

    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith("the event tracer failed at t=1 ns");
    assertThat(log).isEmpty();
  }
}
