package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class EventOrderingTest {
  private final Simulator sim = new Simulator(1);
  private final List<String> log = new ArrayList<>();

  private Runnable note(String what) {
    return () -> log.add(what + "@" + sim.now().picos());
  }

  @Test
  void eventsRunInTimeOrderWhateverTheOrderTheyWereScheduledIn() {
    sim.schedule(SimDuration.ofNanos(5), note("e"));
    sim.schedule(SimDuration.ofNanos(1), note("a"));
    sim.schedule(SimDuration.ofNanos(3), note("c"));
    sim.scheduleAt(SimTime.ofPicos(2_000), note("b"));
    sim.schedule(SimDuration.ofNanos(4), note("d"));

    RunSummary summary = sim.run();

    assertThat(log).containsExactly("a@1000", "b@2000", "c@3000", "d@4000", "e@5000");
    assertThat(summary).isEqualTo(new RunSummary(SimTime.ofPicos(5_000), 5, 0));
  }

  @Test
  void eventsDueAtTheSameInstantRunInTheOrderTheyWereScheduled() {
    for (String name : List.of("first", "second", "third", "fourth")) {
      sim.schedule(SimDuration.ofNanos(10), note(name));
    }
    sim.schedule(SimDuration.ofNanos(5), note("earlier"));

    sim.run();

    assertThat(log).containsExactly(
        "earlier@5000", "first@10000", "second@10000", "third@10000", "fourth@10000");
  }

  @Test
  void zeroDelayEventsQueueBehindThoseAlreadyDueNow() {
    sim.schedule(SimDuration.ofNanos(1), () -> {
      log.add("a");
      sim.schedule(SimDuration.ZERO, () -> {
        log.add("a1");
        sim.schedule(SimDuration.ZERO, note("a2"));
      });
      sim.scheduleAt(sim.now(), note("a3"));
    });
    sim.schedule(SimDuration.ofNanos(1), note("b"));
    sim.schedule(SimDuration.ofNanos(2), note("c"));

    sim.run();

    assertThat(log).containsExactly("a", "b@1000", "a1", "a3@1000", "a2@1000", "c@2000");
  }

  @Test
  void cancelledEventsNeverRun() {
    EventHandle keep = sim.schedule(SimDuration.ofNanos(1), note("keep"));
    EventHandle drop = sim.schedule(SimDuration.ofNanos(2), note("drop"));
    drop.cancel();

    RunSummary summary = sim.run();

    assertThat(log).containsExactly("keep@1000");
    assertThat(keep.isCancelled()).isFalse();
    assertThat(drop.isCancelled()).isTrue();
    assertThat(drop.time()).isEqualTo(SimTime.ofPicos(2_000));
    // A cancelled event neither counts as dispatched nor moves the clock.
    assertThat(summary).isEqualTo(new RunSummary(SimTime.ofPicos(1_000), 1, 0));
  }

  @Test
  void anEventCanCancelAnotherDueAtTheSameInstant() {
    EventHandle[] victim = new EventHandle[1];
    sim.schedule(SimDuration.ofNanos(1), () -> victim[0].cancel());
    victim[0] = sim.schedule(SimDuration.ofNanos(1), note("victim"));

    sim.run();

    assertThat(log).isEmpty();
  }

  @Test
  void cancellingTwiceOrAfterTheEventRanIsHarmless() {
    EventHandle once = sim.schedule(SimDuration.ofNanos(1), note("once"));
    EventHandle twice = sim.schedule(SimDuration.ofNanos(2), note("twice"));
    twice.cancel();
    twice.cancel();

    sim.run();
    once.cancel();
    once.cancel();
    sim.schedule(SimDuration.ofNanos(1), note("later"));
    sim.run();

    assertThat(log).containsExactly("once@1000", "later@2000");
    assertThat(sim.eventsDispatched()).isEqualTo(2);
  }

  @Test
  void pendingEventsCountCancelledOnesUntilTheyComeDue() {
    sim.schedule(SimDuration.ofNanos(1), note("a"));
    EventHandle b = sim.schedule(SimDuration.ofNanos(2), note("b"));
    sim.schedule(SimDuration.ofNanos(3), note("c"));
    b.cancel();

    assertThat(sim.pendingEvents()).isEqualTo(3);
    RunSummary summary = sim.runUntil(SimTime.ofPicos(2_500));

    assertThat(summary.pendingEvents()).isEqualTo(1);
    assertThat(summary.eventsDispatched()).isEqualTo(1);
  }

  @Test
  void tracerSeesEveryDispatchedEventAsData() {
    List<TraceRecord> trace = new ArrayList<>();
    sim.setTracer(trace::add);
    NodeId node2 = NodeId.of(2);
    sim.schedule(SimDuration.ofNanos(2), TracePoint.of(Stage.NETWORK, node2, "second"), () -> { });
    sim.schedule(SimDuration.ofNanos(1), TracePoint.machine(Stage.NIC_LOGIC, "first"), () -> { });
    sim.schedule(SimDuration.ofNanos(3), () -> { });
    sim.spawn(node2, "worker", p -> p.hold(SimDuration.ofNanos(4)));
    sim.spawn("idler", p -> { });

    sim.run();

    Optional<NodeId> none = Optional.empty();
    assertThat(trace).containsExactly(
        new TraceRecord(0, 3, Stage.PROCESS, Optional.of(node2), "worker"),
        new TraceRecord(0, 4, Stage.PROCESS, none, "idler"),
        new TraceRecord(1_000, 1, Stage.NIC_LOGIC, none, "first"),
        new TraceRecord(2_000, 0, Stage.NETWORK, Optional.of(node2), "second"),
        new TraceRecord(3_000, 2, Stage.OTHER, none, "event"),
        new TraceRecord(4_000, 5, Stage.PROCESS, Optional.of(node2), "worker"));
  }

  @Test
  void removingTheTracerStopsTracing() {
    List<Long> seen = new ArrayList<>();
    sim.setTracer(record -> seen.add(record.picos()));
    sim.schedule(SimDuration.ofNanos(1), () -> sim.setTracer(null));
    sim.schedule(SimDuration.ofNanos(2), () -> { });

    sim.run();

    assertThat(seen).containsExactly(1_000L);
  }
}
