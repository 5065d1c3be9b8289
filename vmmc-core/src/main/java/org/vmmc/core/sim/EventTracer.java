package org.vmmc.core.sim;

/** Observes every event the simulator dispatches, in dispatch order. */
@FunctionalInterface
public interface EventTracer {

  /** Called as the event {@code record} describes runs. */
  void onEvent(TraceRecord record);
}
