package org.vmmc.core.sim;

import org.vmmc.core.SimTime;

/**
 * One entry of the event list: an action, or the resumption of a simulated process.
 *
 * <p>Ordering (time, then sequence number) lives in {@link EventQueue}'s arrays, not here.
 */
final class Event implements EventHandle {
  final long time;
  final long seq;
  final Runnable action;
  final SimProcess resumes;
  /** How the event is traced; null for a process's resumption, traced as the process. */
  final TracePoint point;
  boolean cancelled;
  boolean done;

  Event(long time, long seq, Runnable action, SimProcess resumes, TracePoint point) {
    this.time = time;
    this.seq = seq;
    this.action = action;
    this.resumes = resumes;
    this.point = point;
  }

  @Override
  public SimTime time() {
    return SimTime.ofPicos(time);
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  TracePoint tracePoint() {
    return resumes != null ? resumes.resumePoint : point;
  }

  String describe() {
    return resumes != null ? "resume " + resumes.name() : point.toString();
  }

  @Override
  public String toString() {
    return describe() + " at " + time();
  }
}
