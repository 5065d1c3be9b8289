package org.vmmc.core.sim;

import org.vmmc.core.SimTime;

/** A simulated process, or an event action, threw; the run ended there. */
public final class ProcessFailedException extends SimulationException {
  private static final long serialVersionUID = 1L;

  private final String processName;
  private final transient SimTime time;

  ProcessFailedException(String processName, SimTime time, Throwable cause) {
    super(processName + " failed at " + time + ": " + cause, cause);
    this.processName = processName;
    this.time = time;
  }

  /** The name of the process (or the description of the event) that threw. */
  public String processName() {
    return processName;
  }

  /** The simulated time at which it threw. */
  public SimTime time() {
    return time;
  }
}
