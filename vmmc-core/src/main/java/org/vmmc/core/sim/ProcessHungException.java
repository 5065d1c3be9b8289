package org.vmmc.core.sim;

import org.vmmc.core.SimTime;

/**
 * A process's thread blocked or spun outside the simulator (on a Java monitor, a latch, a host
 * call, or a loop that never calls the simulator) for longer than the simulator's
 * {@linkplain Simulator#setHangGrace hang grace}. Only one piece of simulation code runs at a
 * time, so the whole simulation waited for it; the run ended there. The exception's stack trace
 * is the hung thread's, as the report found it.
 */
public final class ProcessHungException extends SimulationException {
  private static final long serialVersionUID = 1L;

  private final String processName;
  private final transient SimTime time;
  private final Thread.State hostState;

  ProcessHungException(String processName, SimTime time, Thread.State hostState,
      String message, StackTraceElement[] where) {
    super(message);
    this.processName = processName;
    this.time = time;
    this.hostState = hostState;
    setStackTrace(where);
  }

  /** The name of the process whose thread hung. */
  public String processName() {
    return processName;
  }

  /** The process's simulated time (or, for an event action, the event's) when it hung. */
  public SimTime time() {
    return time;
  }

  /** The host thread's state when the report was made: BLOCKED, WAITING or RUNNABLE. */
  public Thread.State hostState() {
    return hostState;
  }
}
