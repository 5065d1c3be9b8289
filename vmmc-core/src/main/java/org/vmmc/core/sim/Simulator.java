package org.vmmc.core.sim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.stats.Metrics;

/**
 * A deterministic discrete-event simulator with simulated processes.
 *
 * <p>Events are dispatched in (time, sequence number) order, so events due at the same
 * instant run in the order they were scheduled. Time is integer picoseconds. The simulator
 * owns the root seed ({@link #random()}) and the statistics ({@link #metrics()}) of one
 * simulation; there is no static state, so simulations in one JVM are independent.
 *
 * <p>Processes ({@link #spawn}) are sequential code on virtual threads; see
 * {@link SimProcess} for the hand-off and run-ahead rules. The simulator is not thread-safe:
 * it is driven by one caller, and its processes and events only ever run one at a time.
 *
 * <p><b>Hangs.</b> Because only one piece of simulation code runs at a time, a process that
 * blocks on something outside the simulator (a Java monitor, a latch, a host call) or spins
 * without ever calling it stops the whole simulation. While processes run, the thread that
 * called {@code run()} watches them: if the thread holding the simulator shows no progress
 * outside the simulator for the {@linkplain #setHangGrace hang grace} of host time, the run ends
 * with a {@link ProcessHungException} naming it. The watch is a detector only: it never changes
 * what the simulation does or when, just whether a hung run is reported. (An event action that
 * hangs on the calling thread itself cannot be watched.) A process that only charges local work
 * ({@link SimProcess#consume}) is no hang: {@link #runUntil(SimTime)} stops it at the first
 * consume past the limit (see there).
 *
 * <pre>{@code
 * try (Simulator sim = new Simulator(42)) {
 *   Signal ping = sim.signal("ping");
 *   sim.spawn("waiter", p -> p.await(ping));
 *   sim.schedule(SimDuration.ofMicros(5), ping::signalAll);
 *   sim.run();   // ends at t=5 µs
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

  /**
   * The default {@linkplain #setHangGrace hang grace}: 10 s of host (wall-clock) time, generous
   * enough for any legitimate stretch of host work between two simulator calls.
   */
  public static final Duration DEFAULT_HANG_GRACE = Duration.ofSeconds(10);

  /**
   * How an event scheduled without a trace point is traced: {@link Stage#OTHER} of no node. A
   * component whose events lie on a message's path gives them their own.
   */
  public static final TracePoint UNTRACED = TracePoint.machine(Stage.OTHER, "event");

  /**
   * How many consumes a process may charge past a {@link #runUntil(SimTime)} limit, without
   * synchronising, while events due by the limit wait for it, before it is taken to compute
   * only and the run ends early (a count; real code synchronises at every memory reference).
   */
  static final int MAX_CONSUMES_PAST_LIMIT = 1_000;

  /** The thread that called run(): it takes the baton back when the run ends. */
  private static final class Root {
    volatile boolean go;
    Thread thread;
  }

  private final EventQueue queue = new EventQueue();
  private final RandomStreams random;
  private final Metrics metrics = new Metrics();
  private final Root root = new Root();
  private final LinkedHashSet<SimProcess> live = new LinkedHashSet<>();
  private long now;
  private long nextSeq;
  private long dispatched;
  private EventTracer tracer;
  private SimProcess current;
  private boolean running;
  private boolean closed;
  private long limit;
  private BooleanSupplier stopWhen;
  private boolean stopConditionMet;
  private SimulationException failure;
  /**
   * The process whose thread holds the baton, or null for the thread that called run(). Read
   * racily by that thread's watch and by {@link #describeCaller}, which only need to see it
   * eventually, or to tell it from their own thread.
   */
  private SimProcess holder;
  /** The event whose action runs now, or null (also read racily by the watch). */
  private Event runningEvent;
  /** A process that {@link SimProcess#consume} stopped past the run's limit, or null. */
  private SimProcess stoppedAtLimit;
  private long hangGraceNanos = DEFAULT_HANG_GRACE.toNanos();

  /** A simulator whose random streams derive from {@code seed}. */
  public Simulator(long seed) {
    this.random = new RandomStreams(seed);
  }

  /** The current simulated time. */
  public SimTime now() {
    return SimTime.ofPicos(now);
  }

  long nowPicos() {
    return now;
  }

  /** The seeded random streams of this simulation. */
  public RandomStreams random() {
    return random;
  }

  /** The counters and histograms of this simulation. */
  public Metrics metrics() {
    return metrics;
  }

  /** Events dispatched so far. */
  public long eventsDispatched() {
    return dispatched;
  }

  /** Events scheduled and not yet dispatched (cancelled ones included until they come due). */
  public int pendingEvents() {
    return queue.size();
  }

  /** Installs {@code tracer} to see every dispatched event; null removes it. */
  public void setTracer(EventTracer tracer) {
    this.tracer = tracer;
  }

  /** The process whose code runs now, or null when an event action (or no one) runs. */
  public SimProcess currentProcess() {
    return current;
  }

  /**
   * Sets the hang grace: how long (host, wall-clock time) the thread holding the simulator may
   * stay blocked or busy outside it, with no event dispatched and no local work charged, before
   * the run ends with a {@link ProcessHungException}. It changes no simulated result.
   */
  public void setHangGrace(Duration grace) {
    requireNonNull(grace, "grace");
    checkArgument(grace.isPositive(), "hang grace must be positive: %s", grace);
    this.hangGraceNanos = grace.toNanos();
  }

  /** The hang grace ({@link #DEFAULT_HANG_GRACE} unless set). */
  public Duration hangGrace() {
    return Duration.ofNanos(hangGraceNanos);
  }

  /**
   * Who runs the calling code, for error messages: a process, an event action, or a host thread
   * outside the simulation.
   */
  public String describeCaller() {
    Thread t = Thread.currentThread();
    SimProcess h = holder;
    boolean inSimulation = h != null ? t == h.thread : running && t == root.thread;
    if (!inSimulation) {
      return "host thread '" + t.getName() + "', outside the simulation";
    }
    if (current != null) {
      return "process " + current.name();
    }
    Event e = runningEvent;
    return e != null ? "event '" + e.describe() + "'" : "the simulator between events";
  }

  /** A new signal; {@code description} says what waiting on it means. */
  public Signal signal(String description) {
    return new Signal(this, description, false);
  }

  /**
   * A new signal for a hardware stall ({@link Signal#isStall()}): a process waiting on it is
   * stalled mid-instruction rather than blocked, so a scheduler must not give its CPU away.
   */
  public Signal stallSignal(String description) {
    return new Signal(this, description, true);
  }

  /** Schedules {@code action} to run {@code delay} from now, traced as {@link #UNTRACED}. */
  public EventHandle schedule(SimDuration delay, Runnable action) {
    return schedule(delay, UNTRACED, action);
  }

  /** Schedules {@code action}, traced as {@code point}, to run {@code delay} from now. */
  public EventHandle schedule(SimDuration delay, TracePoint point, Runnable action) {
    requireNonNull(delay, "delay");
    requireNonNull(point, "point");
    syncCurrent();
    if (delay.picos() > Long.MAX_VALUE - now) {
      throw new IllegalArgumentException("cannot schedule " + delay + " from " + now()
          + ": that passes the largest simulated time " + SimTime.MAX);
    }
    return enqueue(now + delay.picos(), requireNonNull(action, "action"), null, point);
  }

  /** Schedules {@code action} to run at {@code time}, traced as {@link #UNTRACED}. */
  public EventHandle scheduleAt(SimTime time, Runnable action) {
    return scheduleAt(time, UNTRACED, action);
  }

  /** Schedules {@code action}, traced as {@code point}, to run at {@code time}. */
  public EventHandle scheduleAt(SimTime time, TracePoint point, Runnable action) {
    requireNonNull(time, "time");
    requireNonNull(point, "point");
    syncCurrent();
    // Not checkArgument: now() would allocate a time on every scheduled event.
    if (time.picos() < now) {
      throw new IllegalArgumentException(lenientFormat(
          "cannot schedule %s in the past: now is %s", time, now()));
    }
    return enqueue(time.picos(), requireNonNull(action, "action"), null, point);
  }

  /**
   * Spawns a process that starts at the current time (a spawning process that runs ahead
   * synchronises first); it blocks forever only by deadlock. Its resumptions are traced as
   * {@link Stage#PROCESS} of no node, under its name.
   */
  public SimProcess spawn(String name, ProcessBody body) {
    return spawn(Optional.empty(), name, false, body);
  }

  /** Spawns a process of node {@code node}, as {@link #spawn(String, ProcessBody)} does. */
  public SimProcess spawn(NodeId node, String name, ProcessBody body) {
    return spawn(Optional.of(requireNonNull(node, "node")), name, false, body);
  }

  /** Spawns a daemon process: one that may still be blocked when the run ends (a server). */
  public SimProcess spawnDaemon(String name, ProcessBody body) {
    return spawn(Optional.empty(), name, true, body);
  }

  /** Spawns a daemon process of node {@code node}. */
  public SimProcess spawnDaemon(NodeId node, String name, ProcessBody body) {
    return spawn(Optional.of(requireNonNull(node, "node")), name, true, body);
  }

  private SimProcess spawn(Optional<NodeId> node, String name, boolean daemon,
      ProcessBody body) {
    checkState(!closed, "simulator is closed");
    requireNonNull(name, "name");
    requireNonNull(body, "body");
    // The new process is visible to others, so it must not start before its parent's time.
    syncCurrent();
    SimProcess p = new SimProcess(this, new TracePoint(Stage.PROCESS, node, name), daemon, body);
    live.add(p);
    p.localTime = now;
    enqueue(now, null, p, null);
    return p;
  }

  /** Runs until no event is pending. */
  public RunSummary run() {
    return runInternal(Long.MAX_VALUE, null);
  }

  /**
   * Runs every event due at or before {@code time}, then sets the clock to {@code time}.
   * Processes still blocked when nothing is pending are not reported as a deadlock here, since
   * the caller may yet schedule or signal something; {@link #run()} reports them.
   *
   * <p>A process whose local work ({@link SimProcess#consume}) takes its clock past
   * {@code time} when nothing else is due by then is stopped at that consume; nothing runs until
   * it resumes, first thing in the next run, so splitting a run leaves every result as it was.
   * A process that keeps consuming past {@code time} without synchronising while events due by
   * then wait for it (a thousand consumes) is taken to compute only and
   * stopped the same way, so it cannot keep the run from ending: the events stay pending and the
   * clock where it was, as {@link RunSummary#endTime()} and {@link RunSummary#pendingEvents()}
   * show.
   */
  public RunSummary runUntil(SimTime time) {
    requireNonNull(time, "time");
    checkArgument(time.picos() >= now, "cannot run until %s: now is already %s", time, now());
    return runInternal(time.picos(), null);
  }

  /**
   * Runs until {@code condition} holds after an event (an action, or a process running until
   * it blocks), or no event is pending.
   */
  public RunSummary runUntil(BooleanSupplier condition) {
    requireNonNull(condition, "condition");
    if (condition.getAsBoolean()) {
      return new RunSummary(now(), dispatched, queue.size());
    }
    return runInternal(Long.MAX_VALUE, condition);
  }

  private RunSummary runInternal(long until, BooleanSupplier condition) {
    checkState(!closed, "simulator is closed");
    checkState(!running, "run() called while the simulator is already running");
    running = true;
    limit = until;
    stopWhen = condition;
    stopConditionMet = false;
    root.thread = Thread.currentThread();
    root.go = false;
    holder = null;
    try {
      SimProcess stopped = stoppedAtLimit;
      if (stopped != null) {
        // It carries on first, before any event, exactly where the last run left it.
        stoppedAtLimit = null;
        handTo(stopped);
        awaitRoot();
      } else {
        dispatchLoop(null, true);
      }
    } finally {
      running = false;
      stopWhen = null;
      limit = Long.MAX_VALUE;
    }
    if (failure != null) {
      killAll();
      closed = true;
      throw failure;
    }
    if (stopConditionMet) {
      return new RunSummary(now(), dispatched, queue.size());
    }
    if (until != Long.MAX_VALUE) {
      if (now < until && !(stoppedAtLimit != null && eventDueByLimit(until))) {
        // Nothing is left to happen before the limit: the clock still moves to it.
        now = until;
      }
      return new RunSummary(now(), dispatched, queue.size());
    }
    if (firstLiveEvent() == null) {
      List<SimulationDeadlockException.Blocked> blocked = new ArrayList<>();
      for (SimProcess p : live) {
        if (!p.isDaemon() && p.state == SimProcess.State.WAITING) {
          blocked.add(new SimulationDeadlockException.Blocked(
              p.name(), p.waitingFor, SimTime.ofPicos(p.waitingSince)));
        }
      }
      if (!blocked.isEmpty()) {
        SimulationDeadlockException deadlock = new SimulationDeadlockException(now(), blocked);
        killAll();
        closed = true;
        throw deadlock;
      }
    }
    return new RunSummary(now(), dispatched, queue.size());
  }

  /**
   * Ends every process that has not terminated (their finally blocks run) and refuses further
   * runs; throws {@link ProcessFailedException} if such a finally block threw.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    checkState(!running, "close() called while the simulator is running");
    killAll();
    closed = true;
    if (failure != null) {
      // A process's finally block threw while it was being ended: report it, do not lose it.
      throw failure;
    }
  }

  private Event firstLiveEvent() {
    Event e;
    while ((e = queue.peek()) != null && e.cancelled) {
      queue.poll();
    }
    return e;
  }

  private void killAll() {
    root.thread = Thread.currentThread();
    holder = null;
    current = null;
    stoppedAtLimit = null;
    for (SimProcess p : List.copyOf(live)) {
      if (p.state == SimProcess.State.TERMINATED || p.abandoned) {
        // An abandoned thread is still stuck outside the simulator: it ends on its own.
        continue;
      }
      p.killed = true;
      if (!p.started) {
        p.state = SimProcess.State.TERMINATED;
        live.remove(p);
        continue;
      }
      root.go = false;
      handTo(p);
      awaitRoot();
    }
    live.clear();
    queue.clear();
  }

  // ---- the baton: exactly one thread runs simulation code at a time ----

  /**
   * Dispatches events on the calling thread until control must pass elsewhere; then hands
   * the baton over and, when {@code park} is set, waits until it comes back. {@code self} is
   * the calling process, or null for the thread that called run().
   */
  private void dispatchLoop(SimProcess self, boolean park) {
    while (true) {
      if (failure != null || (stopWhen != null && stopConditionHolds())) {
        break;
      }
      Event e = queue.peek();
      if (e == null) {
        break;
      }
      if (e.cancelled) {
        queue.poll();
        continue;
      }
      if (e.time > limit) {
        break;
      }
      queue.poll();
      now = e.time;
      e.done = true;
      dispatched++;
      if (tracer != null && !traced(e)) {
        break;
      }
      SimProcess target = e.resumes;
      if (target != null) {
        prepareResume(target);
        if (target == self) {
          return;
        }
        handTo(target);
        if (park) {
          awaitBaton(self);
        }
        return;
      }
      runningEvent = e;
      try {
        e.action.run();
      } catch (ProcessKilled k) {
        throw k;
      } catch (Throwable t) {
        failure = new ProcessFailedException("event '" + e.describe() + "'", now(), t);
        break;
      } finally {
        runningEvent = null;
      }
    }
    // The run is over: the baton goes back to the thread that called run().
    if (self == null) {
      return;
    }
    if (self.abandoned) {
      // Reported as hung and given up: this thread no longer holds the baton.
      if (park) {
        throw new ProcessKilled(self.name());
      }
      return;
    }
    holder = null;
    root.go = true;
    LockSupport.unpark(root.thread);
    if (park) {
      awaitBaton(self);
    }
  }

  /** Reports {@code e} to the tracer; false (with the failure recorded) when the tracer threw. */
  private boolean traced(Event e) {
    try {
      tracer.onEvent(TraceRecord.of(e.time, e.seq, e.tracePoint()));
      return true;
    } catch (RuntimeException t) {
      failure = new ProcessFailedException("the event tracer", now(), t);
      return false;
    }
  }

  /** Evaluates the stop condition of runUntil; a condition that throws ends the run. */
  private boolean stopConditionHolds() {
    try {
      stopConditionMet = stopWhen.getAsBoolean();
      return stopConditionMet;
    } catch (RuntimeException t) {
      failure = new ProcessFailedException("the stop condition of runUntil", now(), t);
      return true;
    }
  }

  private void prepareResume(SimProcess p) {
    if (p.waitingOn != null) {
      // A timed wait ran out before a signal came.
      p.waitingOn.remove(p);
      p.waitingOn = null;
      p.timedOut = true;
    }
    p.timeout = null;
  }

  private void handTo(SimProcess p) {
    holder = p;
    p.go = true;
    if (!p.started) {
      p.started = true;
      p.thread.start();
    } else {
      LockSupport.unpark(p.thread);
    }
  }

  private void awaitBaton(SimProcess self) {
    if (self == null) {
      awaitRoot();
      return;
    }
    while (!self.go) {
      LockSupport.park(this);
    }
    self.go = false;
  }

  /**
   * Waits until the baton comes back to the thread that called run(), watching the holder
   * meanwhile; returns early, with the holder abandoned and the failure recorded, if it hangs.
   */
  private void awaitRoot() {
    SimProcess seen = holder;
    long seenEvents = dispatched;
    long seenClock = seen == null ? 0 : seen.localTime;
    long since = System.nanoTime();
    while (!root.go) {
      LockSupport.parkNanos(this, hangGraceNanos);
      if (root.go) {
        break;
      }
      SimProcess h = holder;
      long events = dispatched;
      long clock = h == null ? 0 : h.localTime;
      long at = System.nanoTime();
      if (h != seen || events != seenEvents || clock != seenClock || h == null || h.go
          || LockSupport.getBlocker(h.thread) == this) {
        // Progress, or a hand-off still on its way: watch afresh from here.
        seen = h;
        seenEvents = events;
        seenClock = clock;
        since = at;
      } else if (at - since >= hangGraceNanos) {
        abandon(h, Duration.ofNanos(at - since));
        return;
      }
    }
    root.go = false;
  }

  /** Gives up {@code p}, whose thread hung outside the simulator, and records the report. */
  private void abandon(SimProcess p, Duration hungFor) {
    Thread t = p.thread;
    Thread.State state = t.getState();
    Object blocker = LockSupport.getBlocker(t);
    StackTraceElement[] where = t.getStackTrace();
    Event event = runningEvent;
    // A thread that comes back ends at its next simulator call, touching nothing.
    p.abandoned = true;
    p.killed = true;
    holder = null;
    current = null;
    runningEvent = null;
    SimTime at = event != null ? now() : SimTime.ofPicos(p.localTime);
    String who = event != null
        ? "event '" + event.describe() + "' (run on the thread of process " + p.name() + ")"
        : "process " + p.name();
    long ms = hungFor.toMillis();
    String doing = switch (state) {
      case RUNNABLE -> "has been running (or in a host call) for " + ms
          + " ms of host time without calling the simulator";
      case BLOCKED -> "has been BLOCKED on a Java monitor for " + ms + " ms of host time";
      default -> "has been " + state
          + (blocker == null ? "" : " on a " + blocker.getClass().getName())
          + " for " + ms + " ms of host time";
    };
    String message = who + " " + doing + ", outside the simulator, at " + at + " (in "
        + firstUserFrame(where) + "): the whole simulation waits for it, since only one "
        + "process runs at a time. A process may wait only through the simulator (await, "
        + "awaitUntil, hold); the hang grace is " + hangGrace().toMillis() + " ms.";
    if (failure == null) {
      failure = new ProcessHungException(p.name(), at, state, message, where);
    }
  }

  /** The innermost frame outside the JDK and the engine, where a hang is the caller's. */
  private static String firstUserFrame(StackTraceElement[] where) {
    for (StackTraceElement frame : where) {
      String c = frame.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
          && !c.startsWith(Simulator.class.getName()) && !c.startsWith(SimProcess.class.getName())
          && !c.startsWith(Signal.class.getName())) {
        return frame.toString();
      }
    }
    return where.length > 0 ? where[0].toString() : "an unknown place";
  }

  // ---- called by SimProcess and Signal ----

  void runBody(SimProcess p, ProcessBody body) {
    p.go = false;
    enter(p);
    try {
      if (p.killed) {
        throw new ProcessKilled(p.name());
      }
      body.run(p);
    } catch (ProcessKilled k) {
      // ended by the simulator; nothing to report
    } catch (Throwable t) {
      if (failure == null && !p.abandoned) {
        failure = new ProcessFailedException(p.name(), SimTime.ofPicos(p.localTime), t);
      }
    } finally {
      if (!p.abandoned) {
        finish(p);
      }
    }
  }

  private void finish(SimProcess p) {
    if (p.waitingOn != null) {
      // Ended while waiting: a later signal must not find (and revive) a finished process.
      p.waitingOn.remove(p);
      p.waitingOn = null;
    }
    p.state = SimProcess.State.TERMINATED;
    live.remove(p);
    current = null;
    if (p.killed) {
      holder = null;
      root.go = true;
      LockSupport.unpark(root.thread);
    } else {
      dispatchLoop(p, false);
    }
  }

  void blockCurrent(SimProcess p) {
    if (p.killed) {
      throw new ProcessKilled(p.name());
    }
    current = null;
    dispatchLoop(p, true);
    enter(p);
    if (p.killed) {
      throw new ProcessKilled(p.name());
    }
  }

  /**
   * {@code p}'s clock passed the run's limit at its {@code count}th consume since it last caught
   * up. With nothing else due by the limit, the run ends there; with events due, it runs on
   * (its next synchronisation lets them run, as an unbroken run would) unless it has consumed
   * {@link #MAX_CONSUMES_PAST_LIMIT} times without one.
   */
  void passedLimit(SimProcess p, int count) {
    if (count > MAX_CONSUMES_PAST_LIMIT || !eventDueByLimit(limit)) {
      stopAtLimit(p);
    }
  }

  /**
   * Ends the run at {@code p}'s consume past the run's limit; nothing runs until the next run
   * resumes it, before anything else, so it carries on as if the run had not been split.
   */
  private void stopAtLimit(SimProcess p) {
    stoppedAtLimit = p;
    p.state = SimProcess.State.READY;
    p.waitingFor = "the next run (its clock is past the limit of the last)";
    p.waitingSince = p.localTime;
    current = null;
    holder = null;
    root.go = true;
    LockSupport.unpark(root.thread);
    awaitBaton(p);
    current = p;
    p.state = SimProcess.State.RUNNING;
    p.waitingFor = null;
    if (p.killed) {
      throw new ProcessKilled(p.name());
    }
  }

  long limitPicos() {
    return limit;
  }

  /** True if an event due at or before {@code until} is pending. */
  private boolean eventDueByLimit(long until) {
    Event e = firstLiveEvent();
    return e != null && e.time <= until;
  }

  private void enter(SimProcess p) {
    current = p;
    p.state = SimProcess.State.RUNNING;
    p.localTime = now;
    p.waitingFor = null;
  }

  void syncCurrent() {
    if (current != null) {
      current.sync();
    }
  }

  void scheduleResume(SimProcess p, long time) {
    enqueue(time, null, p, null);
  }

  Event scheduleTimeout(SimProcess p, long time) {
    return enqueue(time, null, p, null);
  }

  void resumeNow(SimProcess p) {
    if (p.timeout != null) {
      p.timeout.cancel();
      p.timeout = null;
    }
    p.waitingOn = null;
    p.state = SimProcess.State.READY;
    enqueue(now, null, p, null);
  }

  private Event enqueue(long time, Runnable action, SimProcess resumes, TracePoint point) {
    checkState(!closed, "simulator is closed");
    long seq = nextSeq++;
    Event e = new Event(time, seq, action, resumes, point);
    queue.add(time, seq, e);
    return e;
  }
}
