package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

class SimulatorArgumentsTest {
  private final Simulator sim = new Simulator(1);

  @Test
  void schedulingInThePastIsRefusedNamingBothTimes() {
    sim.schedule(SimDuration.ofNanos(5), () -> { });
    sim.run();
    assertThatThrownBy(() -> sim.scheduleAt(SimTime.ofPicos(4_000),
        TracePoint.machine(Stage.OTHER, "late"), () -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot schedule t=4 ns in the past: now is t=5 ns");
  }

  @Test
  void schedulingInThePastOfAProcessThatIsAheadIsRefused() {
    sim.spawn("cpu", p -> {
      p.consume(SimDuration.ofNanos(5));
      sim.scheduleAt(SimTime.ofPicos(3_000), () -> { });
    });
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasRootCauseMessage("cannot schedule t=3 ns in the past: now is t=5 ns");
  }

  @Test
  void negativeDurationsCannotEvenBeExpressed() {
    assertThatThrownBy(() -> SimDuration.ofNanos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must not be negative: -1 ns");
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> sim.schedule(null, () -> { }))
        .isInstanceOf(NullPointerException.class).hasMessage("delay");
    assertThatThrownBy(() -> sim.schedule(SimDuration.ZERO, null))
        .isInstanceOf(NullPointerException.class).hasMessage("action");
    assertThatThrownBy(() -> sim.scheduleAt(null, () -> { }))
        .isInstanceOf(NullPointerException.class).hasMessage("time");
    assertThatThrownBy(() -> sim.spawn(null, p -> { }))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> sim.spawn("p", null))
        .isInstanceOf(NullPointerException.class).hasMessage("body");
    assertThatThrownBy(() -> sim.signal(null))
        .isInstanceOf(NullPointerException.class).hasMessage("description");
    assertThatThrownBy(() -> sim.runUntil((SimTime) null))
        .isInstanceOf(NullPointerException.class).hasMessage("time");
  }

  @Test
  void schedulingBeyondTheEndOfTimeIsRefused() {
    sim.schedule(SimDuration.ofNanos(1), () -> { });
    sim.run();
    assertThatThrownBy(() -> sim.schedule(SimDuration.ofPicos(Long.MAX_VALUE), () -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot schedule 9223372.036854775807 s from t=1 ns: that passes the "
            + "largest simulated time t=9223372.036854775807 s");
  }

  @Test
  void runningFromInsideTheRunIsRefused() {
    sim.schedule(SimDuration.ofNanos(1), TracePoint.machine(Stage.OTHER, "nested"), sim::run);
    assertThatThrownBy(sim::run)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith("event 'nested' failed at t=1 ns")
        .hasRootCauseMessage("run() called while the simulator is already running");
  }

  @Test
  void awaitingASignalOfAnotherSimulatorIsRefused() {
    try (Simulator other = new Simulator(2)) {
      Signal foreign = other.signal("elsewhere");
      sim.spawn("confused", p -> p.await(foreign));
      assertThatThrownBy(sim::run)
          .isInstanceOf(ProcessFailedException.class)
          .hasRootCauseMessage("Signal[elsewhere, 0 waiting] belongs to another simulator");
    }
  }

  @Test
  void theSimulatorCannotBeUsedOnceClosed() {
    sim.close();
    assertThatThrownBy(sim::run).hasMessage("simulator is closed");
    assertThatThrownBy(() -> sim.schedule(SimDuration.ZERO, () -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("simulator is closed");
    assertThat(sim.pendingEvents()).isZero();
  }
}
