package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class ProcessListenerTest {

  /** Logs every callback as "what@µs". */
  private static class Recorder implements ProcessListener {
    final List<String> log = new ArrayList<>();

    @Override
    public void waiting(SimProcess process, Signal signal) {
      log.add("waiting " + signal.description() + "@" + micros(process));
    }

    @Override
    public void resumed(SimProcess process) {
      log.add("resumed@" + micros(process));
    }

    @Override
    public void caughtUp(SimProcess process) {
      log.add("caughtUp@" + micros(process));
    }
  }

  private static long micros(SimProcess p) {
    return p.time().picos() / 1_000_000;
  }

  @Test
  void callbacksComeWhenTheProcessWaitsResumesAndCatchesUp() {
    try (Simulator sim = new Simulator(1)) {
      Signal bell = sim.signal("bell");
      Recorder recorder = new Recorder();
      SimProcess p = sim.spawn("p", self -> {
        self.hold(SimDuration.ofMicros(1));
        self.sync(); // not ahead: no callback
        self.consume(SimDuration.ofMicros(2));
        // Catches up to 3 without a caughtUp, then waits until 4.
        self.sleepUntil(SimTime.ofPicos(4_000_000));
        self.await(bell);
        self.await(bell, SimTime.ofPicos(9_000_000));
        self.yieldNow();
      });
      p.setListener(recorder);
      sim.schedule(SimDuration.ofMicros(5), bell::signalAll);
      sim.run();
      assertThat(recorder.log).containsExactly("caughtUp@1", "waiting the end of p's sleep@3",
          "resumed@4", "waiting bell@4", "resumed@5", "waiting bell@5", "resumed@9",
          "caughtUp@9");
    }
  }

  @Test
  void blockingInsideACallbackDoesNotCallTheListenerAgain() {
    try (Simulator sim = new Simulator(1)) {
      Signal bell = sim.signal("bell");
      Signal cpu = sim.signal("cpu");
      List<String> log = new ArrayList<>();
      SimTime[] end = new SimTime[1];
      ProcessListener waitForCpu = new ProcessListener() {
        @Override
        public void waiting(SimProcess process, Signal signal) {
          log.add("waiting " + signal.description());
        }

        @Override
        public void resumed(SimProcess process) {
          log.add("resumed@" + micros(process));
          process.await(cpu);
          process.hold(SimDuration.ofMicros(2));
          log.add("got cpu@" + micros(process));
        }

        @Override
        public void caughtUp(SimProcess process) {
          log.add("caughtUp@" + micros(process));
        }
      };
      sim.spawn("p", self -> {
        self.setListener(waitForCpu);
        self.await(bell);
        end[0] = self.time();
      });
      sim.schedule(SimDuration.ofMicros(4), bell::signalAll);
      sim.schedule(SimDuration.ofMicros(10), cpu::signalAll);
      sim.run();
      assertThat(log).containsExactly("waiting bell", "resumed@4", "got cpu@12");
      assertThat(end[0]).isEqualTo(SimTime.ofPicos(12_000_000));
    }
  }

  @Test
  void aProcessWaitingInsideACallbackIsReportedWaitingForThatSignal() {
    Simulator sim = new Simulator(1);
    Signal bell = sim.signal("bell");
    Signal cpu = sim.signal("the CPU of node 0");
    SimProcess p = sim.spawn("p", self -> self.await(bell));
    p.setListener(new Recorder() {
      @Override
      public void resumed(SimProcess process) {
        process.await(cpu);
      }
    });
    sim.schedule(SimDuration.ofMicros(1), bell::signalAll);
    assertThatThrownBy(sim::run).isInstanceOfSatisfying(SimulationDeadlockException.class,
        e -> assertThat(e.blocked()).singleElement().satisfies(b -> {
          assertThat(b.process()).isEqualTo("p");
          assertThat(b.waitsFor()).isEqualTo("the CPU of node 0");
        }));
  }

  @Test
  void blockingInsideWaitingIsRefused() {
    Simulator sim = new Simulator(1);
    Signal bell = sim.signal("bell");
    SimProcess p = sim.spawn("p", self -> self.await(bell));
    p.setListener(new Recorder() {
      @Override
      public void waiting(SimProcess process, Signal signal) {
        process.hold(SimDuration.ofMicros(1));
      }
    });
    assertThatThrownBy(sim::run).isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("blocked inside its listener's waiting() callback");
  }

  @Test
  void onlyTheProcessItselfMayChangeItsListenerOnceStarted() {
    try (Simulator sim = new Simulator(1)) {
      Signal bell = sim.signal("bell");
      Recorder recorder = new Recorder();
      SimProcess[] p = new SimProcess[1];
      p[0] = sim.spawn("p", self -> {
        self.setListener(recorder);
        self.await(bell);
        self.hold(SimDuration.ofMicros(1));
      });
      sim.schedule(SimDuration.ofMicros(2), () -> {
        assertThatThrownBy(() -> p[0].setListener(null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("called from event 'event', not from that process's own code");
        bell.signalAll();
      });
      sim.run();
      assertThat(recorder.log).containsExactly("waiting bell@0", "resumed@2", "caughtUp@3");
    }
  }

  @Test
  void aProcessBeingEndedDoesNotCallItsListener() {
    Simulator sim = new Simulator(1);
    Signal never = sim.signal("never");
    Recorder recorder = new Recorder();
    SimProcess p = sim.spawnDaemon("server", self -> {
      try {
        self.await(never);
      } finally {
        self.await(never); // ended: unwinds at once, without telling the listener
      }
    });
    p.setListener(recorder);
    sim.run();
    sim.close();
    assertThat(recorder.log).containsExactly("waiting never@0");
    assertThat(p.state()).isEqualTo(SimProcess.State.TERMINATED);
  }
}
