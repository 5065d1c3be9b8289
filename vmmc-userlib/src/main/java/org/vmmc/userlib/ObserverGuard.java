package org.vmmc.userlib;

/**
 * Marks the stretches in which an {@link Inspector} observer or an event tracer runs. They run
 * inside the simulation, in whatever process or event caused what they observe, so without
 * the mark they could act as that process; the library refuses every process operation while
 * one runs, which keeps observing read-only.
 */
final class ObserverGuard {
  private int depth;

  /** Runs {@code observer} marked as an observer. */
  void run(Runnable observer) {
    depth++;
    try {
      observer.run();
    } finally {
      depth--;
    }
  }

  /** True while an observer runs. */
  boolean active() {
    return depth > 0;
  }
}
