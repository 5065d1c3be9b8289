package org.vmmc.bench.engine;

import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;

/**
 * Two simulated processes that take turns through a pair of signals: every turn is one
 * hand-off of the simulator from one process's thread to the other's.
 */
final class HandOffModel {
  private HandOffModel() {}

  /** Runs {@code rounds} round trips (two hand-offs each) in a fresh simulator. */
  static long run(long seed, long rounds) {
    try (Simulator sim = new Simulator(seed)) {
      Signal ping = sim.signal("ping");
      Signal pong = sim.signal("pong");
      long[] turn = {0};
      sim.spawn("pinger", p -> {
        for (long i = 0; i < rounds; i++) {
          turn[0] = 1;
          ping.signalAll();
          while (turn[0] != 0) {
            p.await(pong);
          }
        }
      });
      sim.spawn("ponger", p -> {
        for (long i = 0; i < rounds; i++) {
          while (turn[0] != 1) {
            p.await(ping);
          }
          turn[0] = 0;
          pong.signalAll();
        }
      });
      sim.run();
      return 2 * rounds;
    }
  }
}
