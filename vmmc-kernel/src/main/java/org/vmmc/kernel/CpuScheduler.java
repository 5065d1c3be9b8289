package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import org.vmmc.core.NodeId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.EventHandle;
import org.vmmc.core.sim.ProcessBody;
import org.vmmc.core.sim.ProcessListener;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;

/**
 * One node's processor, time-shared by the threads of the node's processes (design reference,
 * section 5): each process's main thread and its notification context.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Holding.</b> A thread holds the CPU while its code runs: computing, memory
 *       references, and every hold or run-ahead charged to its clock. It gives the CPU up when it
 *       waits on a {@link Signal} (a notification, an import reply, a DMA status, a poll, a
 *       sleep) and when it ends.
 *   <li><b>Ready queue.</b> A thread that becomes runnable (it starts, or its wait ends) while
 *       the CPU is taken waits first come, first served. A notification context goes ahead of
 *       every other thread, behind other notification contexts, as a Unix signal handler
 *       would; a thread preempted by the quantum goes to the back, behind everyone.
 *   <li><b>Round robin.</b> A thread's quantum ({@link KernelParameters#quantum()}) starts when
 *       it has the CPU. At its first synchronisation point at or after the quantum's end it goes
 *       to the back of the queue if another thread is ready; if none is, it gets a fresh quantum
 *       from there.
 *   <li><b>Signal delivery.</b> A notification context that becomes runnable while its own
 *       process's main thread has the CPU takes over at the main thread's next synchronisation point; the main
 *       thread goes to the front of the queue (behind woken notification contexts) and carries
 *       on once the handler waits again.
 *   <li><b>Context switch.</b> When the CPU passes to a thread of another process than the one
 *       that last ran, the kernel spends {@code CpuParameters.contextSwitchCycles} before the new
 *       thread runs and calls the driver's {@code contextSwitched()}, which on SHRIMP-II cancels a
 *       half-started UDMA pair. Passing between a process's main thread and its notification
 *       context is no switch (the upcall cost covers it); nor is the first run on a node, nor a
 *       process taking the CPU again after it was idle.
 *   <li><b>Interrupts.</b> The kernel's handling of an interrupt takes the CPU at once for its
 *       service time; interrupts are handled one at a time. The thread holding the CPU loses that
 *       much time, charged at its next synchronisation point (or, if it waits first, left for the
 *       next holder to wait out); an idle CPU is busy until the handler returns. The handler's
 *       effect (a notification queued) happens as it returns.
 * </ul>
 *
 * <p>Preemption and lost time take effect at synchronisation points. Memory references
 * synchronise, so this is fine-grained; a long {@code compute} that never synchronises runs to
 * its end first. A thread waiting for the CPU is simply waiting on its own signal ("the CPU of
 * node n"), so the simulator's deadlock report stays meaningful. A hardware stall (a wait on a
 * {@linkplain org.vmmc.core.sim.Signal#isStall() stall signal}, such as SHRIMP-II's full
 * outgoing FIFO holding a bus write) keeps the CPU: the thread is held mid-instruction. Not
 * modelled: the kernel's handling of control-network messages takes no CPU.
 */
final class CpuScheduler {

  /** One thread of a process as the scheduler sees it; it is the thread's listener. */
  final class Task implements ProcessListener {
    private final SimProcess thread;
    private final ProcessId process;
    private final boolean notificationContext;
    private final Signal turn;
    private boolean stalled;

    private Task(SimProcess thread, ProcessId process, boolean notificationContext) {
      this.thread = thread;
      this.process = process;
      this.notificationContext = notificationContext;
      this.turn = sim.signal("the CPU of node " + node.value());
    }

    @Override
    public void waiting(SimProcess p, Signal signal) {
      // A hardware stall holds the thread mid-instruction: it keeps the CPU.
      stalled = signal.isStall();
      if (!stalled) {
        release(this);
      }
    }

    @Override
    public void resumed(SimProcess p) {
      if (stalled) {
        stalled = false;
        checkpoint(this);
      } else {
        becomeRunnable(this);
      }
    }

    @Override
    public void caughtUp(SimProcess p) {
      checkpoint(this);
    }

    @Override
    public String toString() {
      return thread.name();
    }
  }

  private final Simulator sim;
  private final NodeId node;
  private final long switchCost;
  private final long quantum;
  private final Runnable contextSwitched;
  private final Counter switches;
  private final Counter preemptions;
  private final ArrayDeque<Task> handlersReady = new ArrayDeque<>();
  private final ArrayDeque<Task> othersReady = new ArrayDeque<>();
  private Task owner;
  private ProcessId lastProcess;
  /** Interrupt time taken from the owner and not yet charged to its clock, in ps. */
  private long debt;
  /** Until when the CPU is busy with work of no thread (interrupts, a leaver's debt), in ps. */
  private long busyUntil;
  /** When the last interrupt handler accepted so far returns, in ps. */
  private long interruptsEnd;
  private long quantumEnd;
  private boolean preemptRequested;

  /**
   * A scheduler for {@code node}'s CPU: a switch between processes costs {@code contextSwitch}
   * and calls {@code contextSwitched}; threads run round robin with time slices of
   * {@code quantum}.
   */
  CpuScheduler(Simulator sim, NodeId node, SimDuration contextSwitch, SimDuration quantum,
      Runnable contextSwitched) {
    this.sim = requireNonNull(sim, "sim");
    this.node = requireNonNull(node, "node");
    this.switchCost = contextSwitch.picos();
    checkArgument(quantum.picos() > 0, "quantum must be positive: %s", quantum);
    this.quantum = quantum.picos();
    this.contextSwitched = requireNonNull(contextSwitched, "contextSwitched");
    this.switches = sim.metrics().counter(node, KernelCounter.CONTEXT_SWITCHES);
    this.preemptions = sim.metrics().counter(node, KernelCounter.PREEMPTIONS);
  }

  /**
   * Runs {@code body} as the calling thread {@code self} of {@code process}: waits for the CPU
   * first, and gives it up when the body ends.
   */
  void run(SimProcess self, ProcessId process, boolean notificationContext, ProcessBody body)
      throws Exception {
    checkArgument(sim.currentProcess() == self, "%s must enter the scheduler itself", self);
    Task task = new Task(self, requireNonNull(process, "process"), notificationContext);
    becomeRunnable(task);
    self.setListener(task);
    try {
      body.run(self);
    } finally {
      self.setListener(null);
      leave(task);
    }
  }

  /**
   * The kernel handles an interrupt for {@code service} of CPU time and then runs
   * {@code handled}, traced as {@code point}; returns the handle of that event.
   */
  EventHandle interrupt(SimDuration service, TracePoint point, Runnable handled) {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
    long now = now();
    long start = Math.max(now, interruptsEnd);
    interruptsEnd = start + service.picos();
    if (owner != null) {
      debt += service.picos();
    } else {
      busyUntil = Math.max(busyUntil, start) + service.picos();
    }
    return sim.scheduleAt(SimTime.ofPicos(interruptsEnd), point, handled);
  }

  /** The thread that holds the CPU (or will once its switch is done), or null when it is idle. */
  String owner() {
    return owner == null ? null : owner.toString();
  }

  /** Threads waiting for the CPU. */
  int readyThreads() {
    return handlersReady.size() + othersReady.size();
  }

  // ---- the CPU changing hands ----

  private void becomeRunnable(Task task) {
    if (owner == null) {
      // Not checkState: the ready count would be taken twice on every hand-over.
      int ready = readyThreads();
      if (ready != 0) {
        throw new IllegalStateException(lenientFormat(
            "node %s's CPU is idle with %s threads ready", node.value(), ready));
      }
      owner = task;
    } else {
      if (task.notificationContext) {
        handlersReady.add(task);
        if (owner.process.equals(task.process) && !owner.notificationContext) {
          preemptRequested = true;
        }
      } else {
        othersReady.add(task);
      }
      awaitTurn(task);
    }
    start(task);
  }

  /** The owner {@code task} pays what stands between it and its own code, then runs. */
  private void start(Task task) {
    while (true) {
      long cost = Math.max(0, busyUntil - now());
      if (lastProcess != null && !lastProcess.equals(task.process)) {
        switches.increment();
        contextSwitched.run();
        cost += switchCost;
      }
      lastProcess = task.process;
      if (cost > 0) {
        task.thread.hold(SimDuration.ofPicos(cost));
      }
      payDebt(task);
      quantumEnd = now() + quantum;
      if (!preemptRequested) {
        return;
      }
      requeue(task, true);
    }
  }

  /** A synchronisation point of the owner: lost time is charged, and it may be preempted. */
  private void checkpoint(Task task) {
    requireOwner(task, "ran on");
    payDebt(task);
    if (preemptRequested) {
      preemptions.increment();
      requeue(task, true);
      start(task);
    } else if (now() >= quantumEnd) {
      if (readyThreads() > 0) {
        preemptions.increment();
        requeue(task, false);
        start(task);
      } else {
        quantumEnd = now() + quantum;
      }
    }
  }

  private void payDebt(Task task) {
    while (debt > 0) {
      long d = debt;
      debt = 0;
      task.thread.hold(SimDuration.ofPicos(d));
    }
  }

  /** The owner {@code task} goes back to the ready queue and waits for its next turn. */
  private void requeue(Task task, boolean front) {
    if (front) {
      othersReady.addFirst(task);
    } else {
      othersReady.addLast(task);
    }
    release(task);
    awaitTurn(task);
  }

  private void awaitTurn(Task task) {
    while (owner != task) {
      task.thread.await(task.turn);
    }
  }

  // Not checkState: the node number would be boxed at every synchronisation point.
  private void requireOwner(Task task, String verb) {
    if (owner != task) {
      throw new IllegalStateException(lenientFormat(
          "%s %s node %s's CPU, which %s holds", task, verb, node.value(), owner));
    }
  }

  private void release(Task task) {
    requireOwner(task, "gave up");
    owner = null;
    busyUntil = Math.max(busyUntil, now() + debt);
    debt = 0;
    preemptRequested = false;
    Task next = handlersReady.poll();
    if (next == null) {
      next = othersReady.poll();
    }
    if (next != null) {
      owner = next;
      next.turn.signalAll();
    }
  }

  private void leave(Task task) {
    if (owner != task) {
      // Only a thread the simulator is ending leaves without the CPU.
      handlersReady.remove(task);
      othersReady.remove(task);
      return;
    }
    task.thread.sync();
    release(task);
  }

  private long now() {
    return sim.now().picos();
  }
}
