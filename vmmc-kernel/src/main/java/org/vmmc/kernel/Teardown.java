package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;

/**
 * The end of one kernel object (an export, an import, an automatic-update binding), which may
 * be asked for more than once and from more than one place: the call that undoes it, a
 * revocation from its exporter, its process's exit. The first request begins it and marks the
 * object at once, before anything else can run; the later ones only wait, with the first, for
 * it to finish: once nothing sent under the object can still be outstanding.
 */
final class Teardown {
  private final Simulator sim;
  private final String what;
  private final List<Runnable> waiters = new ArrayList<>();
  private Signal finishedSignal;
  private boolean begun;
  private boolean finished;

  Teardown(Simulator sim, String what) {
    this.sim = sim;
    this.what = what;
  }

  /** Begins the teardown; false when it had begun already (the caller then only waits). */
  boolean begin() {
    if (begun) {
      return false;
    }
    begun = true;
    return true;
  }

  /** True once the teardown has begun: the object is no longer usable. */
  boolean isBegun() {
    return begun;
  }

  /** True once the teardown has finished. */
  boolean isFinished() {
    return finished;
  }

  /** Marks the teardown finished and wakes everyone waiting for it. */
  void finish() {
    checkState(begun && !finished, "the end of %s finished twice or before it began", what);
    finished = true;
    if (finishedSignal != null) {
      finishedSignal.signalAll();
    }
    for (Runnable r : List.copyOf(waiters)) {
      r.run();
    }
    waiters.clear();
  }

  /** Runs {@code action} once the teardown has finished (at once if it has). */
  void whenFinished(Runnable action) {
    if (finished) {
      action.run();
    } else {
      waiters.add(action);
    }
  }

  /** Blocks {@code process} until the teardown has finished. */
  void await(SimProcess process) {
    if (finishedSignal == null) {
      finishedSignal = sim.signal("the end of " + what);
    }
    process.awaitUntil(finishedSignal, () -> finished);
  }
}
