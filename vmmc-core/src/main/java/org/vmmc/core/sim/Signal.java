package org.vmmc.core.sim;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;

/**
 * A simulated condition that processes wait on and that code signals.
 *
 * <p>Waiters resume at the simulated time of the signal, in the order they started waiting.
 * A signal with no waiter is not remembered (use a state variable and re-check it in a loop,
 * as with a monitor).
 */
public final class Signal {
  private final Simulator sim;
  private final String description;
  private final boolean stall;
  private final ArrayDeque<SimProcess> waiters = new ArrayDeque<>();

  Signal(Simulator sim, String description, boolean stall) {
    this.sim = sim;
    this.description = requireNonNull(description, "description");
    this.stall = stall;
  }

  /**
   * True for a hardware stall: a process waiting on it is held in the middle of an instruction
   * (a bus cycle a device pushes back on), so it keeps what it holds, such as its CPU.
   */
  public boolean isStall() {
    return stall;
  }

  /** What waiting on this signal means, as shown in deadlock reports. */
  public String description() {
    return description;
  }

  /** The number of processes waiting. */
  public int waiters() {
    return waiters.size();
  }

  /** Resumes every waiting process; returns how many there were. */
  public int signalAll() {
    sim.syncCurrent();
    int n = waiters.size();
    SimProcess p;
    while ((p = waiters.poll()) != null) {
      sim.resumeNow(p);
    }
    return n;
  }

  /** Resumes the longest-waiting process, if any; returns whether there was one. */
  public boolean signalOne() {
    sim.syncCurrent();
    SimProcess p = waiters.poll();
    if (p == null) {
      return false;
    }
    sim.resumeNow(p);
    return true;
  }

  boolean simulatorIs(Simulator other) {
    return sim == other;
  }

  void enqueue(SimProcess p) {
    waiters.add(p);
  }

  boolean remove(SimProcess p) {
    return waiters.remove(p);
  }

  @Override
  public String toString() {
    return "Signal[" + description + ", " + waiters.size() + " waiting]";
  }
}
