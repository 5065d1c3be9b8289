package org.vmmc.core.sim;

/**
 * Unwinds a simulated process that the simulator ends (at close, after a failure or a
 * deadlock). An {@link Error}, so that process code catching {@code Exception} does not
 * swallow it.
 */
final class ProcessKilled extends Error {
  private static final long serialVersionUID = 1L;

  ProcessKilled(String name) {
    super(name + " was ended by the simulator", null, false, false);
  }
}
