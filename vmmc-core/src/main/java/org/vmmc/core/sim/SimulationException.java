package org.vmmc.core.sim;

/** The base of the errors a simulation run reports. */
public class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with {@code message}. */
  public SimulationException(String message) {
    super(message);
  }

  /** An error with {@code message}, caused by {@code cause}. */
  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
