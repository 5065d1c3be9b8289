package org.vmmc.core.sim;

import org.vmmc.core.SimTime;

/** A scheduled event, which may be cancelled until it has run. */
public interface EventHandle {

  /** The instant the event is (or was) due. */
  SimTime time();

  /** Cancels the event; it then never runs. Cancelling twice, or after it ran, does nothing. */
  void cancel();

  /** True once {@link #cancel()} has been called. */
  boolean isCancelled();
}
