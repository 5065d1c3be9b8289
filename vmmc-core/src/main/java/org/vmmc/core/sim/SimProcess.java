package org.vmmc.core.sim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;

/**
 * A simulated process: ordinary sequential code on its own virtual thread.
 *
 * <p>Exactly one piece of simulation code runs at any moment. A process runs until it blocks
 * ({@link #hold}, {@link #await}, {@link #sync}); then the thread that blocks dispatches
 * events itself until one resumes another process, hands control to that process's thread and
 * parks. So a hand-off is one virtual-thread switch, and results never depend on how the host
 * schedules threads.
 *
 * <p><b>Running ahead.</b> {@link #consume} charges purely local work (say, cached loads and
 * stores) to the process's own clock, {@link #time()}, without a hand-off. The process's clock
 * may then be ahead of the simulator's. Before anything another component can observe or
 * change (a bus write, a device register, a read of memory that DMA may write, a system call),
 * the code that models that interaction calls {@link #sync()}, which lets global time catch up
 * first: so the process never sees a change from its own future, and no one sees its effect
 * before its simulated time. For the same reason a process that runs ahead may not start a
 * plain {@link #await}: it waits for a state with {@link #awaitUntil}, which tests it after
 * catching up, or for a time with {@link #sleepUntil}.
 *
 * <p><b>Listening.</b> An optional {@link ProcessListener} hears when the process waits on a
 * signal, resumes, and catches up with its clock; a processor scheduler uses it to make a
 * resumed process wait for its processor. A process without one pays a null check.
 */
public final class SimProcess {

  /** Where a process is in its life. */
  public enum State {
    /** Spawned; its first instruction has not yet run. */
    NEW,
    /** Holds the simulator: its code is what runs now. */
    RUNNING,
    /** Will resume at a scheduled time. */
    READY,
    /** Waits on a signal. */
    WAITING,
    /** Its body returned or threw, or it was killed. */
    TERMINATED
  }

  final Simulator sim;
  /** How the process's resumptions are traced: its stage, node and name. */
  final TracePoint resumePoint;
  private final String name;
  private final boolean daemon;
  final Thread thread;
  volatile boolean go;
  boolean started;
  boolean killed;
  /** Reported as hung outside the simulator and given up: it must not touch the simulator. */
  boolean abandoned;
  State state = State.NEW;
  long localTime;
  String waitingFor;
  long waitingSince;
  Signal waitingOn;
  Event timeout;
  boolean timedOut;
  private ProcessListener listener;
  /** A listener callback runs: blocking calls inside it do not call the listener again. */
  private boolean inListener;
  /** The listener's waiting() runs: the process must not block. */
  private boolean inWaiting;
  /** What {@link #sleepUntil} waits on, made at the first sleep. */
  private Signal sleeping;
  /** Consumes past the run's limit since the process last caught up. */
  private int consumesPastLimit;

  SimProcess(Simulator sim, TracePoint resumePoint, boolean daemon, ProcessBody body) {
    this.sim = sim;
    this.resumePoint = resumePoint;
    this.name = resumePoint.what();
    this.daemon = daemon;
    this.thread = Thread.ofVirtual().name(name).unstarted(() -> sim.runBody(this, body));
  }

  /** The process's name. */
  public String name() {
    return name;
  }

  /** The node the process runs on, if it was spawned on one. */
  public Optional<NodeId> node() {
    return resumePoint.node();
  }

  /** True for a process whose blocking forever is not a deadlock (a server loop). */
  public boolean isDaemon() {
    return daemon;
  }

  /** The process's state. */
  public State state() {
    return state;
  }

  /** The simulator the process lives in. */
  public Simulator simulator() {
    return sim;
  }

  /**
   * The process's own clock: the simulator's time plus the local work charged with
   * {@link #consume} since the process last synchronised.
   */
  public SimTime time() {
    checkOwnThread("time");
    return SimTime.ofPicos(localTime);
  }

  /** How far the process's clock runs ahead of the simulator's. */
  public SimDuration aheadBy() {
    checkOwnThread("aheadBy");
    return SimDuration.ofPicos(localTime - sim.nowPicos());
  }

  /**
   * Installs {@code newListener} (null removes it); allowed before the process starts, or from
   * its own code outside a listener callback.
   */
  public void setListener(ProcessListener newListener) {
    if (state != State.NEW) {
      checkOwnThread("setListener");
      checkState(!inListener, "setListener() of %s called inside a listener callback", name);
    }
    listener = newListener;
  }

  /**
   * Charges {@code duration} of purely local work to the process's clock, without a hand-off:
   * no event runs meanwhile. Under {@link Simulator#runUntil(SimTime)} a consume that takes the
   * clock past the limit may end the run there, so that a process that only computes cannot keep
   * it from ending; the next run resumes the process before anything else.
   *
   * @throws IllegalArgumentException if the clock would pass {@link SimTime#MAX}
   */
  public void consume(SimDuration duration) {
    checkOwnThread("consume");
    long picos = duration.picos();
    if (picos > Long.MAX_VALUE - localTime) {
      throw new IllegalArgumentException("consume(" + duration + ") of " + name + " at "
          + SimTime.ofPicos(localTime) + " would pass the largest simulated time "
          + SimTime.MAX);
    }
    localTime += picos;
    if (localTime > sim.limitPicos() && !inWaiting) {
      sim.passedLimit(this, ++consumesPastLimit);
    }
  }

  /** Lets global time catch up with the process's clock (a no-op when it is not ahead). */
  public void sync() {
    if (catchUp()) {
      afterCatchUp();
    }
  }

  /** Lets global time catch up without telling the listener; true if the process blocked. */
  private boolean catchUp() {
    checkOwnThread("sync");
    if (localTime > sim.nowPicos()) {
      consumesPastLimit = 0;
      sim.scheduleResume(this, localTime);
      block(State.READY, "its own clock");
      return true;
    }
    return false;
  }

  /** Consumes {@code duration} and synchronises: the process resumes {@code duration} later. */
  public void hold(SimDuration duration) {
    consume(duration);
    sync();
  }

  /**
   * Lets every other event due at the current instant run first, then resumes (a zero-length
   * hold that still gives way).
   */
  public void yieldNow() {
    catchUp();
    sim.scheduleResume(this, localTime);
    block(State.READY, "its turn");
    afterCatchUp();
  }

  private void afterCatchUp() {
    if (listener != null && !inListener) {
      inListener = true;
      try {
        listener.caughtUp(this);
      } finally {
        inListener = false;
      }
    }
  }

  /**
   * Waits until {@code signal} is signalled. The process must not be ahead of the simulator's
   * clock: whatever it tested before waiting was tested at its own time, and a change signalled
   * while it caught up would be missed, so the wait would never end. Use
   * {@link #awaitUntil(Signal, BooleanSupplier)} to wait for a state change.
   *
   * @throws IllegalStateException if the process's clock is ahead of the simulator's
   */
  public void await(Signal signal) {
    checkNotAhead("await", signal);
    boolean listening = beforeWait(signal);
    waitingOn = signal;
    signal.enqueue(this);
    block(State.WAITING, signal.description());
    afterWait(listening);
  }

  /**
   * Synchronises, then waits on {@code signal} until {@code condition} holds; returns at once
   * if it already does. This is the way to wait for a state change: the condition is tested
   * only after catching up, so a change made (and signalled) while the process caught up is
   * not missed, as it would be by testing first and then waiting. A condition that itself
   * charges local work is tested again after catching up with it.
   */
  public void awaitUntil(Signal signal, BooleanSupplier condition) {
    while (true) {
      sync();
      if (condition.getAsBoolean()) {
        return;
      }
      if (localTime == sim.nowPicos()) {
        await(signal);
      }
    }
  }

  /**
   * Like {@link #awaitUntil(Signal, BooleanSupplier)}, giving up at {@code deadline}; returns
   * whether {@code condition} holds (tested once more when the deadline passes).
   */
  public boolean awaitUntil(Signal signal, BooleanSupplier condition, SimTime deadline) {
    while (true) {
      sync();
      if (condition.getAsBoolean()) {
        return true;
      }
      if (localTime == sim.nowPicos() && !await(signal, deadline)) {
        sync();
        return condition.getAsBoolean();
      }
    }
  }

  /**
   * Waits until {@code signal} is signalled or {@code deadline} passes; returns false on
   * timeout. Like {@link #await(Signal)}, the process must not be ahead of the simulator's
   * clock; {@link #awaitUntil(Signal, BooleanSupplier, SimTime)} waits for a state change.
   *
   * @throws IllegalStateException if the process's clock is ahead of the simulator's
   */
  public boolean await(Signal signal, SimTime deadline) {
    checkNotAhead("await", signal);
    return timedWait(signal, deadline, signal.description() + " (until " + deadline + ")");
  }

  /**
   * Idles until {@code deadline}: catches up, then waits as on a signal that no one signals, so
   * a listener hears it wait (a scheduler gives its processor away) and resume. Nothing can be
   * missed, so unlike a wait it may start while the process runs ahead; returns at once when
   * the process's clock has already reached {@code deadline}.
   */
  public void sleepUntil(SimTime deadline) {
    catchUp();
    if (sleeping == null) {
      sleeping = sim.signal("the end of " + name + "'s sleep");
    }
    timedWait(sleeping, deadline, sleeping.description() + " at " + deadline);
  }

  private boolean timedWait(Signal signal, SimTime deadline, String what) {
    checkArgument(signal.simulatorIs(sim), "%s belongs to another simulator", signal);
    if (deadline.picos() <= localTime) {
      return false;
    }
    boolean listening = beforeWait(signal);
    waitingOn = signal;
    signal.enqueue(this);
    timedOut = false;
    timeout = sim.scheduleTimeout(this, deadline.picos());
    block(State.WAITING, what);
    afterWait(listening);
    return !timedOut;
  }

  private void checkNotAhead(String method, Signal signal) {
    checkOwnThread(method);
    checkArgument(signal.simulatorIs(sim), "%s belongs to another simulator", signal);
    long ahead = localTime - sim.nowPicos();
    if (ahead > 0) {
      throw new IllegalStateException(String.format(
          "%s() of %s on '%s' while its clock is %s ahead of the simulator's (%s, global %s): "
              + "a change signalled while it catches up would be missed; wait with "
              + "awaitUntil(signal, condition), or sync() and test again before waiting",
          method, name, signal.description(), SimDuration.ofPicos(ahead),
          SimTime.ofPicos(localTime), sim.now()));
    }
  }

  /** Tells the listener the process is about to wait; true if the listener was told. */
  private boolean beforeWait(Signal signal) {
    if (listener == null || inListener) {
      return false;
    }
    if (killed) {
      // A process being ended never calls its listener again.
      throw new ProcessKilled(name);
    }
    inListener = true;
    inWaiting = true;
    try {
      listener.waiting(this, signal);
    } finally {
      inWaiting = false;
      inListener = false;
    }
    return true;
  }

  private void afterWait(boolean listening) {
    if (listening) {
      inListener = true;
      try {
        listener.resumed(this);
      } finally {
        inListener = false;
      }
    }
  }

  private void block(State blockedState, String what) {
    checkState(!inWaiting, "%s blocked inside its listener's waiting() callback", name);
    state = blockedState;
    waitingFor = what;
    waitingSince = localTime;
    sim.blockCurrent(this);
  }

  private void checkOwnThread(String method) {
    // The thread alone is not enough: an event action may be dispatched on this thread while
    // the process is blocked, and must not act as the process.
    if (abandoned && Thread.currentThread() == thread) {
      // Given up as hung: its thread came back, and ends here without touching anything.
      throw new ProcessKilled(name);
    }
    if (Thread.currentThread() != thread || sim.currentProcess() != this) {
      throw new IllegalStateException(method + "() of " + name + " called from "
          + sim.describeCaller() + ", not from that process's own code");
    }
  }

  @Override
  public String toString() {
    return "SimProcess[" + name + ", " + state + "]";
  }
}
