package org.vmmc.hardware.node;

import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;

/** Helpers for components that may be called from an event action or from a process. */
final class Clocks {
  private Clocks() {}

  /**
   * Lets a calling process's clock and the simulator's agree before a component acts on the
   * simulator's time, so a process that ran ahead is served at its own time.
   */
  static void syncCaller(Simulator sim) {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
  }
}
