package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.ProcessFailedException;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * Durations past the end of simulated time are caller mistakes that name the duration and the
 * limit; a library call from code that is not the process says who made it.
 */
class DurationLimitAndCallerTest {
  private static final String LIMIT = SimTime.MAX.toString();

  private static Throwable failureOf(UserProgram body) {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(1).build()) {
      mc.node(0).spawn("p", body);
      return catchThrowable(mc::run);
    }
  }

  @Test
  void aSleepPastTheEndOfTimeNamesTheDurationAndTheLimit() {
    assertThat(failureOf(p -> {
      p.sleep(SimDuration.ofMicros(1));
      p.sleep(SimDuration.MAX);
    }))
        .isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sleep of " + SimDuration.MAX + " at t=1 µs would pass the largest "
            + "simulated time " + LIMIT);
  }

  @Test
  void aComputeOfMoreCyclesThanTimeHoldsNamesTheCountAndTheLimit() {
    assertThat(failureOf(p -> p.compute(Long.MAX_VALUE)))
        .isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Long.MAX_VALUE + " cycles at 60 MHz exceed the longest duration "
            + SimDuration.MAX);
  }

  @Test
  void computesThatTogetherPassTheEndOfTimeNameTheDurationAndTheLimit() {
    // Each is about 97 days of a 60 MHz CPU; two of them outlast the longest simulated time.
    long cycles = 500_000_000_000_000L;
    assertThat(failureOf(p -> {
      p.compute(cycles);
      p.compute(cycles);
    })).isInstanceOf(ProcessFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consume(")
        .hasMessageContaining(" of p at ")
        .hasMessageContaining("would pass the largest simulated time " + LIMIT);
  }

  @Test
  void aCallFromAHostThreadSaysSoNamingTheThread() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(1).build()) {
      VmmcProcess p = mc.node(0).spawn("p", self -> self.sleep(SimDuration.ofMicros(1)));
      mc.run();
      assertThatThrownBy(() -> p.allocate(4096))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("from host thread '" + Thread.currentThread().getName()
              + "', outside the simulation");
    }
  }

  @Test
  void aCallFromAnEventActionNamesTheEvent() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(1).build()) {
      VmmcProcess p = mc.node(0).spawn("p", self -> self.sleep(SimDuration.ofMicros(10)));
      mc.simulator().schedule(SimDuration.ofMicros(5), TracePoint.machine(Stage.OTHER, "meddler"),
          () -> p.allocate(4096));
      assertThatThrownBy(mc::run)
          .isInstanceOf(ProcessFailedException.class)
          .rootCause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("from event 'meddler'");
    }
  }
}
