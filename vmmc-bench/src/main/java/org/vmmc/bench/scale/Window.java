package org.vmmc.bench.scale;

import java.lang.management.ManagementFactory;

/**
 * The host-time window of a run's steady phase: from the moment the last process has finished
 * its setup (exports and imports) to the moment the last one has finished its rounds, in wall
 * time and in the CPU time of the whole JVM process (the simulation's threads move between
 * carriers, so no single thread's CPU time covers it).
 */
final class Window {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final int processes;
  private int ready;
  private int finished;
  private long startWall;
  private long startCpu;
  private long endWall;
  private long endCpu;

  /** A window over {@code processes} processes. */
  Window(int processes) {
    this.processes = processes;
  }

  /** Called by each process once its setup is done; the last call opens the window. */
  synchronized void ready() {
    if (++ready == processes) {
      startWall = System.nanoTime();
      startCpu = OS.getProcessCpuTime();
    }
  }

  /** Called by each process after its last round; the last call closes the window. */
  synchronized void finished() {
    if (++finished == processes) {
      endWall = System.nanoTime();
      endCpu = OS.getProcessCpuTime();
    }
  }

  /** Wall-clock nanoseconds of the window, at least 1. */
  synchronized long wallNanos() {
    checkClosed();
    return Math.max(1, endWall - startWall);
  }

  /** CPU nanoseconds of the JVM process during the window, at least 1. */
  synchronized long cpuNanos() {
    checkClosed();
    return Math.max(1, endCpu - startCpu);
  }

  private void checkClosed() {
    if (ready != processes || finished != processes) {
      throw new IllegalStateException("the run ended with " + ready + " of " + processes
          + " processes set up and " + finished + " finished: a scenario program is wrong");
    }
  }
}
