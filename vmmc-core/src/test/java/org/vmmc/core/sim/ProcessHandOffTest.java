package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class ProcessHandOffTest {

  @Test
  void pingPongFinishesAtHandComputedTimes() {
    try (Simulator sim = new Simulator(1)) {
      Signal ping = sim.signal("ping");
      Signal pong = sim.signal("pong");
      List<String> log = new ArrayList<>();
      int[] turn = {0};
      sim.spawn("A", p -> {
        for (int i = 0; i < 3; i++) {
          p.hold(SimDuration.ofMicros(2));
          log.add("A" + i + "@" + p.time().picos());
          turn[0] = 1;
          ping.signalAll();
          while (turn[0] != 0) {
            p.await(pong);
          }
        }
      });
      sim.spawn("B", p -> {
        for (int i = 0; i < 3; i++) {
          while (turn[0] != 1) {
            p.await(ping);
          }
          p.hold(SimDuration.ofMicros(3));
          log.add("B" + i + "@" + p.time().picos());
          turn[0] = 0;
          pong.signalAll();
        }
      });
      RunSummary summary = sim.run();
      // A: 2, B: 2+3=5, A: 7, B: 10, A: 12, B: 15 (µs)
      assertThat(log).containsExactly(
          "A0@2000000", "B0@5000000", "A1@7000000", "B1@10000000", "A2@12000000",
          "B2@15000000");
      assertThat(summary.endTime()).isEqualTo(SimTime.ofPicos(15_000_000));
    }
  }

  @Test
  void aTokenPassesRoundARingOfThreeProcesses() {
    try (Simulator sim = new Simulator(1)) {
      int n = 3;
      Signal[] token = new Signal[n];
      for (int i = 0; i < n; i++) {
        token[i] = sim.signal("token for P" + i);
      }
      int[] holder = {0};
      List<String> log = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int me = i;
        sim.spawn("P" + i, p -> {
          for (int lap = 0; lap < 2; lap++) {
            while (holder[0] != me) {
              p.await(token[me]);
            }
            // P0 works 1 µs, P1 2 µs, P2 3 µs before passing the token on.
            p.hold(SimDuration.ofMicros(me + 1));
            log.add("P" + me + "@" + p.time().picos() / 1_000_000);
            holder[0] = (me + 1) % n;
            token[holder[0]].signalAll();
          }
        });
      }
      RunSummary summary = sim.run();
      // Lap 1: 1, 3, 6; lap 2: 7, 9, 12 (µs).
      assertThat(log).containsExactly("P0@1", "P1@3", "P2@6", "P0@7", "P1@9", "P2@12");
      assertThat(summary.endTime()).isEqualTo(SimTime.ofPicos(12_000_000));
    }
  }

  @Test
  void manyHandOffsKeepExactTime() {
    try (Simulator sim = new Simulator(1)) {
      Signal ping = sim.signal("ping");
      Signal pong = sim.signal("pong");
      int rounds = 5_000;
      long[] turn = {0};
      sim.spawn("pinger", p -> {
        for (int i = 0; i < rounds; i++) {
          p.hold(SimDuration.ofNanos(1));
          turn[0] = 1;
          ping.signalAll();
          while (turn[0] != 0) {
            p.await(pong);
          }
        }
      });
      SimTime[] last = new SimTime[1];
      sim.spawn("ponger", p -> {
        for (int i = 0; i < rounds; i++) {
          while (turn[0] != 1) {
            p.await(ping);
          }
          p.hold(SimDuration.ofNanos(2));
          turn[0] = 0;
          pong.signalAll();
          last[0] = p.time();
        }
      });
      RunSummary summary = sim.run();
      assertThat(last[0]).isEqualTo(SimTime.after(SimDuration.ofNanos(3L * rounds)));
      assertThat(summary.endTime()).isEqualTo(last[0]);
    }
  }

  @Test
  void waitersResumeAtTheSignalTimeInTheOrderTheyStartedWaiting() {
    try (Simulator sim = new Simulator(1)) {
      Signal door = sim.signal("the door");
      List<String> log = new ArrayList<>();
      for (String name : List.of("first", "second", "third")) {
        sim.spawn(name, p -> {
          p.await(door);
          log.add(name + "@" + p.time().picos());
        });
      }
      int[] woken = new int[2];
      sim.schedule(SimDuration.ofNanos(4), () -> assertThat(door.waiters()).isEqualTo(3));
      sim.schedule(SimDuration.ofNanos(5), () -> woken[0] = door.signalAll());
      sim.schedule(SimDuration.ofNanos(6), () -> woken[1] = door.signalAll());
      sim.run();
      assertThat(log).containsExactly("first@5000", "second@5000", "third@5000");
      assertThat(woken).containsExactly(3, 0);
      assertThat(door.waiters()).isZero();
    }
  }

  @Test
  void signalOneWakesOnlyTheLongestWaitingProcess() {
    try (Simulator sim = new Simulator(1)) {
      Signal bell = sim.signal("the bell");
      List<String> log = new ArrayList<>();
      for (String name : List.of("a", "b")) {
        sim.spawnDaemon(name, p -> {
          p.await(bell);
          log.add(name + "@" + p.time().picos());
        });
      }
      boolean[] rang = new boolean[3];
      sim.schedule(SimDuration.ofNanos(1), () -> rang[0] = bell.signalOne());
      sim.schedule(SimDuration.ofNanos(2), () -> rang[1] = bell.signalOne());
      sim.schedule(SimDuration.ofNanos(3), () -> rang[2] = bell.signalOne());
      sim.run();
      assertThat(log).containsExactly("a@1000", "b@2000");
      assertThat(rang).containsExactly(true, true, false);
    }
  }

  @Test
  void yieldNowLetsEverythingElseDueNowRunFirst() {
    try (Simulator sim = new Simulator(1)) {
      List<String> log = new ArrayList<>();
      sim.spawn("polite", p -> {
        sim.schedule(SimDuration.ZERO, () -> log.add("event"));
        log.add("before yield");
        p.yieldNow();
        log.add("after yield @" + p.time().picos());
      });
      sim.spawn("other", p -> log.add("other"));
      sim.run();
      assertThat(log).containsExactly("before yield", "other", "event", "after yield @0");
    }
  }

  @Test
  void processStatesFollowItsLife() {
    try (Simulator sim = new Simulator(1)) {
      Signal go = sim.signal("go");
      List<SimProcess.State> seen = new ArrayList<>();
      SimProcess worker = sim.spawn("worker", p -> {
        seen.add(p.state());
        p.await(go);
        p.hold(SimDuration.ofNanos(10));
      });
      seen.add(worker.state());
      sim.schedule(SimDuration.ofNanos(1), () -> {
        seen.add(worker.state());
        go.signalAll();
      });
      sim.schedule(SimDuration.ofNanos(5), () -> seen.add(worker.state()));
      sim.run();
      seen.add(worker.state());
      assertThat(seen).containsExactly(
          SimProcess.State.NEW, SimProcess.State.RUNNING, SimProcess.State.WAITING,
          SimProcess.State.READY, SimProcess.State.TERMINATED);
      assertThat(worker.name()).isEqualTo("worker");
      assertThat(worker.isDaemon()).isFalse();
      assertThat(worker.simulator()).isSameAs(sim);
      assertThat(worker).hasToString("SimProcess[worker, TERMINATED]");
    }
  }

  @Test
  void currentProcessIsTheOneWhoseCodeRuns() {
    try (Simulator sim = new Simulator(1)) {
      List<Object> seen = new ArrayList<>();
      SimProcess[] self = new SimProcess[1];
      self[0] = sim.spawn("me", p -> {
        seen.add(sim.currentProcess() == p);
        sim.schedule(SimDuration.ofNanos(1), () -> seen.add(sim.currentProcess()));
        p.hold(SimDuration.ofNanos(2));
        seen.add(sim.currentProcess() == self[0]);
      });
      assertThat(sim.currentProcess()).isNull();
      sim.run();
      assertThat(seen).containsExactly(true, null, true);
    }
  }

  @Test
  void aProcessSpawnedByAProcessStartsAtItsParentsTime() {
    try (Simulator sim = new Simulator(1)) {
      List<String> log = new ArrayList<>();
      sim.spawn("parent", p -> {
        p.hold(SimDuration.ofNanos(3));
        // Running ahead by 4 ns: the child must not start before the parent's own time.
        p.consume(SimDuration.ofNanos(4));
        sim.spawn("child", c -> log.add("child@" + c.time().picos()));
        log.add("parent@" + p.time().picos());
      });
      sim.run();
      assertThat(log).containsExactly("parent@7000", "child@7000");
    }
  }

  @Test
  void deadlockIsReportedWithWhatEachProcessWaitsFor() {
    Simulator sim = new Simulator(1);
    Signal never = sim.signal("a reply that never comes");
    sim.spawn("lonely", p -> {
      p.hold(SimDuration.ofNanos(10));
      p.await(never);
    });
    assertThatThrownBy(sim::run)
        .isInstanceOf(SimulationDeadlockException.class)
        .hasMessageContaining("lonely waits for a reply that never comes since t=10 ns");
  }

  @Test
  void exceptionInProcessNamesProcessAndTime() {
    Simulator sim = new Simulator(1);
    sim.spawn("crasher", p -> {
      p.hold(SimDuration.ofNanos(7));
      throw new IllegalStateException("boom");
    });
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageContaining("crasher failed at t=7 ns")
        .hasRootCauseMessage("boom");
  }
}
