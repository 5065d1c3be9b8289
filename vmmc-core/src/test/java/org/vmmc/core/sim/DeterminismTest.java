package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;

class DeterminismTest {
  /** The timer's events: a network stage of node 1, so the trace carries stage and node. */
  private static final TracePoint TICK = TracePoint.of(Stage.NETWORK, NodeId.of(1), "tick");

  /** What one run of the model produced: the trace and what the processes saw. */
  private record Outcome(List<TraceRecord> trace, List<String> observations) {}

  /**
   * Three producers put items into a shared mailbox at random times and a consumer takes them
   * out; a timer event fires at random intervals. Every delay comes from a named stream.
   */
  private static Outcome runModel(long seed) {
    List<TraceRecord> trace = new ArrayList<>();
    List<String> observations = new ArrayList<>();
    try (Simulator sim = new Simulator(seed)) {
      sim.setTracer(trace::add);
      Signal mail = sim.signal("mail");
      List<String> mailbox = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "producer" + i;
        SplittableRandom random = sim.random().stream(name);
        sim.spawn(NodeId.of(i), name, p -> {
          for (int item = 0; item < 20; item++) {
            p.consume(SimDuration.ofNanos(random.nextLong(1, 50)));
            p.hold(SimDuration.ofNanos(random.nextLong(1, 500)));
            mailbox.add(name + "#" + item);
            mail.signalAll();
          }
        });
      }
      SplittableRandom consumerRandom = sim.random().stream("consumer");
      sim.spawn("consumer", p -> {
        for (int taken = 0; taken < 60; taken++) {
          while (mailbox.isEmpty()) {
            p.await(mail);
          }
          observations.add(mailbox.remove(0) + "@" + p.time().picos());
          p.hold(SimDuration.ofNanos(consumerRandom.nextLong(1, 100)));
        }
      });
      SplittableRandom timerRandom = sim.random().stream("timer");
      Runnable[] tick = new Runnable[1];
      int[] ticks = {0};
      tick[0] = () -> {
        observations.add("tick@" + sim.now().picos());
        if (++ticks[0] < 30) {
          sim.schedule(SimDuration.ofNanos(timerRandom.nextLong(1, 400)), TICK, tick[0]);
        }
      };
      sim.schedule(SimDuration.ZERO, TICK, tick[0]);
      sim.run();
    }
    return new Outcome(trace, observations);
  }

  @Test
  void theSameSeedGivesAnIdenticalTrace() {
    Outcome first = runModel(7);
    Outcome second = runModel(7);

    assertThat(first.trace()).hasSizeGreaterThan(100);
    assertThat(first.trace()).extracting(TraceRecord::stage).contains(Stage.PROCESS,
        Stage.NETWORK);
    assertThat(first.trace()).filteredOn(r -> r.what().equals("producer2"))
        .isNotEmpty().allSatisfy(r -> assertThat(r.node()).contains(NodeId.of(2)));
    assertThat(second.trace()).isEqualTo(first.trace());
    assertThat(second.observations()).isEqualTo(first.observations());
    assertThat(first.observations()).hasSize(90);
  }

  @Test
  void anotherSeedGivesAnotherTrace() {
    assertThat(runModel(8).trace()).isNotEqualTo(runModel(7).trace());
  }
}
