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
