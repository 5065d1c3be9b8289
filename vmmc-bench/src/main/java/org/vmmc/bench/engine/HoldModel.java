package org.vmmc.bench.engine;

import java.util.SplittableRandom;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.Simulator;

/**
 * The classic hold model on the simulator: a fixed number of events stay pending, and each
 * event's action schedules its successor a random increment later.
 */
final class HoldModel implements Runnable {
  /** The name of the model's random stream. */
  static final String STREAM = "hold-model";

  private final Simulator sim;
  private final SplittableRandom random;
  private final long maxIncrementPicos;

  /** Fills {@code sim} with {@code pending} events whose increments are uniform in 1..max. */
  HoldModel(Simulator sim, int pending, long maxIncrementPicos) {
    this.sim = sim;
    this.random = sim.random().stream(STREAM);
    this.maxIncrementPicos = maxIncrementPicos;
    for (int i = 0; i < pending; i++) {
      run();
    }
  }

  @Override
  public void run() {
    sim.schedule(SimDuration.ofPicos(1 + random.nextLong(maxIncrementPicos)), this);
  }

  /** Runs the model for {@code span} of simulated time; returns the events dispatched. */
  long runFor(SimDuration span) {
    long before = sim.eventsDispatched();
    SimTime end = sim.now().plus(span);
    sim.runUntil(end);
    return sim.eventsDispatched() - before;
  }
}
