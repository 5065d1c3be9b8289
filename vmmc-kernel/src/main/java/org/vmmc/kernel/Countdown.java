package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkState;

/** Runs an action once a number of parts have each reported done (at once for no parts). */
final class Countdown {
  private final Runnable then;
  private int remaining;

  Countdown(int parts, Runnable then) {
    this.then = then;
    this.remaining = parts;
    if (parts == 0) {
      then.run();
    }
  }

  /** One part is done. */
  void countDown() {
    checkState(remaining > 0, "more parts reported done than there were");
    if (--remaining == 0) {
      then.run();
    }
  }
}
