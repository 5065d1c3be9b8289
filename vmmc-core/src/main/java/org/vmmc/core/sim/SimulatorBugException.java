package org.vmmc.core.sim;

/** An internal invariant of the simulator broke: a bug in the simulator, not in its use. */
public final class SimulatorBugException extends SimulationException {
  private static final long serialVersionUID = 1L;

  /** A simulator bug described by {@code message}. */
  public SimulatorBugException(String message) {
    super("simulator bug: " + message);
  }
}
