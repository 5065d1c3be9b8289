package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class RunAheadTest {
  private final Simulator sim = new Simulator(1);

  private static SimDuration micros(long n) {
    return SimDuration.ofMicros(n);
  }

  @Test
  void consumeMovesOnlyTheProcessClock() {
    List<String> log = new ArrayList<>();
    sim.spawn("cpu", p -> {
      p.consume(micros(3));
      log.add("local " + p.time() + ", global " + sim.now() + ", ahead " + p.aheadBy());
      p.sync();
      log.add("local " + p.time() + ", global " + sim.now() + ", ahead " + p.aheadBy());
      p.sync(); // not ahead: nothing to do
      log.add("local " + p.time() + ", global " + sim.now());
    });
    sim.run();
    assertThat(log).containsExactly(
        "local t=3 µs, global t=0 ps, ahead 3 µs",
        "local t=3 µs, global t=3 µs, ahead 0 ps",
        "local t=3 µs, global t=3 µs");
  }

  @Test
  void aProcessThatSyncsNeverSeesAChangeFromItsFuture() {
    int[] shared = {0};
    sim.schedule(micros(5), TracePoint.machine(Stage.IO_BUS_DMA, "DMA writes memory"),
        () -> shared[0] = 42);
    List<String> reads = new ArrayList<>();
    sim.spawn("reader", p -> {
      p.consume(micros(3));
      p.sync();
      reads.add(p.time() + ": " + shared[0]);
      p.consume(micros(3));
      p.sync();
      reads.add(p.time() + ": " + shared[0]);
    });
    sim.run();
    assertThat(reads).containsExactly("t=3 µs: 0", "t=6 µs: 42");
  }

  @Test
  void anEventScheduledByAProcessThatIsAheadRunsRelativeToTheProcessTime() {
    List<String> log = new ArrayList<>();
    sim.spawn("cpu", p -> {
      p.consume(micros(4));
      sim.schedule(micros(1), () -> log.add("delayed event at " + sim.now()));
      sim.scheduleAt(SimTime.after(micros(4)), () -> log.add("timed event at " + sim.now()));
      log.add("scheduled at " + sim.now());
    });
    sim.run();
    assertThat(log).containsExactly(
        "scheduled at t=4 µs", "timed event at t=4 µs", "delayed event at t=5 µs");
  }

  @Test
  void anotherComponentNeverObservesTheEffectBeforeTheProcessTime() {
    Signal doorbell = sim.signal("doorbell");
    List<String> log = new ArrayList<>();
    boolean[] rung = {false};
    sim.spawn("listener", p -> {
      while (!rung[0]) {
        p.await(doorbell);
      }
      log.add("listener woke at " + p.time());
    });
    // An observer that polls every microsecond: it must not see the bell before t=3 µs.
    Runnable[] poll = new Runnable[1];
    poll[0] = () -> {
      log.add("observer at " + sim.now() + " sees " + rung[0]);
      if (!rung[0]) {
        sim.schedule(micros(1), poll[0]);
      }
    };
    sim.schedule(micros(1), poll[0]);
    sim.spawn("ringer", p -> {
      p.consume(micros(3)); // local work: t=3 µs on its own clock, t=0 globally
      // signalAll synchronises first, so the bell rings at t=3 µs, not at t=0.
      doorbell.signalAll();
      rung[0] = true;
      doorbell.signalAll();
    });
    sim.run();
    // At t=3 µs the ringer's own resumption was scheduled first (at t=0, when it synchronised),
    // so the observer polling at t=3 µs already sees the bell; the woken listener comes last.
    assertThat(log).containsExactly(
        "observer at t=1 µs sees false",
        "observer at t=2 µs sees false",
        "observer at t=3 µs sees true",
        "listener woke at t=3 µs");
  }

  @Test
  void signalOneHoldAndSleepUntilAlsoSynchroniseFirst() {
    Signal s = sim.signal("s");
    List<String> log = new ArrayList<>();
    sim.spawn("waiter", p -> {
      p.await(s);
      log.add("woken at " + p.time());
    });
    sim.spawn("worker", p -> {
      p.consume(micros(2));
      s.signalOne();
      p.consume(micros(1));
      p.hold(micros(1));
      log.add("held until " + p.time());
      p.consume(micros(1));
      p.sleepUntil(SimTime.after(micros(10)));
      log.add("slept until " + p.time());
    });
    sim.run();
    assertThat(log)
        .containsExactly("woken at t=2 µs", "held until t=4 µs", "slept until t=10 µs");
  }

  @Test
  void aRunLimitDoesNotCutAProcessThatIsAhead() {
    List<String> log = new ArrayList<>();
    sim.spawn("cpu", p -> {
      p.consume(micros(3));
      p.sync();
      log.add("synced at " + p.time());
    });
    sim.runUntil(SimTime.after(micros(2)));
    assertThat(log).isEmpty();
    assertThat(sim.now()).isEqualTo(SimTime.after(micros(2)));
    sim.run();
    assertThat(log).containsExactly("synced at t=3 µs");
  }

  @Test
  void theProcessClockIsReadableOnlyFromTheProcessItself() {
    SimProcess p = sim.spawn("cpu", self -> self.hold(micros(1)));
    String host = "host thread '" + Thread.currentThread().getName()
        + "', outside the simulation, not from that process's own code";
    assertThatThrownBy(p::time)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("time() of cpu called from " + host);
    assertThatThrownBy(() -> p.consume(micros(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("consume() of cpu called from " + host);
    assertThatThrownBy(p::sync)
        .hasMessage("sync() of cpu called from " + host);
    assertThatThrownBy(p::aheadBy)
        .hasMessage("aheadBy() of cpu called from " + host);
    sim.close();
  }

  @Test
  void anEventActionCannotActAsTheProcessWhoseThreadDispatchesIt() {
    SimProcess[] cpu = new SimProcess[1];
    cpu[0] = sim.spawn("cpu", self -> self.hold(micros(10)));
    // While cpu holds, its own thread dispatches this action; it is still not cpu's code.
    sim.schedule(micros(5), TracePoint.machine(Stage.OTHER, "meddler"),
        () -> cpu[0].consume(micros(1)));
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith("event 'meddler' failed at t=5 µs")
        .hasRootCauseMessage(
            "consume() of cpu called from event 'meddler', not from that process's own code");
  }

  @Test
  void anotherProcessCannotActAsTheProcess() {
    SimProcess[] cpu = new SimProcess[1];
    cpu[0] = sim.spawn("cpu", self -> self.hold(micros(10)));
    sim.spawn("meddler", self -> cpu[0].consume(micros(1)));
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasRootCauseMessage(
            "consume() of cpu called from process meddler, not from that process's own code");
  }

  @Test
  void consumingPastTheLargestTimeIsRefusedNamingTheDurationAndTheLimit() {
    sim.spawn("cpu", p -> {
      p.hold(micros(3));
      p.consume(SimDuration.MAX);
    });
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consume(9223372.036854775807 s) of cpu at t=3 µs would pass the largest "
            + "simulated time t=9223372.036854775807 s");
  }
}
