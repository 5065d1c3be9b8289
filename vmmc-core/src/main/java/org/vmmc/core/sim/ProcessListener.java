package org.vmmc.core.sim;

/**
 * Hears when one process waits on a {@link Signal}, resumes from such a wait, and catches up
 * with its own clock: the hook through which a scheduler shares a processor among processes
 * (see {@link SimProcess#setListener}).
 *
 * <p>Every callback runs as the process itself, on its own thread, with the simulator's clock
 * equal to the process's. {@link #resumed} and {@link #caughtUp} may use the process's blocking
 * calls ({@link SimProcess#hold}, {@link SimProcess#await}, ...), so a process that must wait
 * for its processor is simply waiting on a signal; such calls made inside a callback do not call
 * the listener again. {@link #waiting} must not block: the process has not yet joined the
 * signal's waiters, and a signal in the meantime would be missed.
 */
public interface ProcessListener {

  /** {@code process} has synchronised and is about to wait on {@code signal}; must not block. */
  void waiting(SimProcess process, Signal signal);

  /** {@code process} resumed from waiting on a signal (signalled or timed out) and runs again. */
  void resumed(SimProcess process);

  /**
   * {@code process} caught up with its own clock: a {@link SimProcess#sync} (or a hold) that
   * had run ahead of the simulator's clock, or a {@link SimProcess#yieldNow}, let other events
   * run and returned to it.
   */
  void caughtUp(SimProcess process);
}
