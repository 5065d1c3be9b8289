package org.vmmc.core.sim;

/** Observes every event the simulator dispatches, in dispatch order. */
@FunctionalInterface
public interface EventTracer {

  /** Called as the event with sequence number {@code seq}, due at {@code picos}, runs. */
  void onEvent(long picos, long seq, String label);
}
