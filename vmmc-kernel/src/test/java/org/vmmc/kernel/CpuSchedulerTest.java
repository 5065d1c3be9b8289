package org.vmmc.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.ProcessBody;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.SimulationDeadlockException;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.sim.TraceRecord;

/**
 * The scheduler on its own, driving bare simulated threads; times are in µs and hand-computed
 * from a 10 µs context switch and a 100 µs quantum.
 */
class CpuSchedulerTest {
  private static final SimDuration SWITCH = SimDuration.ofMicros(10);
  private static final SimDuration QUANTUM = SimDuration.ofMicros(100);
  /** The interrupts the tests raise: the network interface's, on node 0. */
  private static final TracePoint NIC = TracePoint.of(Stage.INTERRUPT, NodeId.of(0), "nic");

  private final Simulator sim = new Simulator(7);
  private final List<String> switches = new ArrayList<>();
  private final CpuScheduler cpu = new CpuScheduler(sim, NodeId.of(0), SWITCH, QUANTUM,
      () -> switches.add("switch@" + micros(sim.now())));
  private final Map<String, String> log = new LinkedHashMap<>();

  private static String micros(SimTime t) {
    long ps = t.picos();
    return ps % 1_000_000 == 0 ? Long.toString(ps / 1_000_000)
        : Double.toString(ps / 1_000_000.0);
  }

  /** Spawns thread {@code name} of process {@code pid}, recording when its body ends. */
  private SimProcess thread(String name, int pid, boolean notificationContext, ProcessBody body) {
    ProcessBody recorded = self -> cpu.run(self, ProcessId.of(0, pid), notificationContext,
        s -> {
          body.run(s);
          log.put(name, micros(s.time()));
        });
    // A notification context serves forever: it may still wait when the run ends.
    return notificationContext ? sim.spawnDaemon(name, recorded) : sim.spawn(name, recorded);
  }

  /** Computes for {@code micros} µs in 1 µs steps, each a synchronisation point. */
  private static void compute(SimProcess p, int micros) {
    for (int i = 0; i < micros; i++) {
      p.hold(SimDuration.ofMicros(1));
    }
  }

  private long counter(KernelCounter key) {
    return sim.metrics().value(NodeId.of(0), key);
  }

  @Test
  void twoComputeBoundProcessesShareTheCpuRoundRobin() {
    thread("A", 0, false, p -> compute(p, 250));
    thread("B", 1, false, p -> compute(p, 250));
    sim.run();
    // A 0-100 | switch | B 110-210 | switch | A 220-320 | switch | B 330-430 | switch
    // | A 440-490 (done: 250) | switch | B 500-550 (done: 250)
    assertThat(log).containsExactly(Map.entry("A", "490"), Map.entry("B", "550"));
    assertThat(switches).containsExactly("switch@100", "switch@210", "switch@320",
        "switch@430", "switch@490");
    assertThat(counter(KernelCounter.CONTEXT_SWITCHES)).isEqualTo(5);
    assertThat(counter(KernelCounter.PREEMPTIONS)).isEqualTo(4);
  }

  @Test
  void aHardwareStallKeepsTheCpuWhileAnOrdinaryWaitGivesItUp() {
    Signal stall = sim.stallSignal("a full FIFO");
    Signal reply = sim.signal("a reply");
    sim.schedule(SimDuration.ofMicros(30), stall::signalAll);
    sim.schedule(SimDuration.ofMicros(200), reply::signalAll);
    thread("A", 0, false, p -> {
      compute(p, 10);
      p.await(stall);          // stalled 10-30 µs: B must not get the CPU
      compute(p, 10);          // 30-40
      p.await(reply);          // blocked: B runs after a switch
    });
    thread("B", 1, false, p -> compute(p, 20));
    sim.run();
    // A 0-40 | switch 40-50 | B 50-70 (done) | A waits for its reply at 200, switch 200-210
    assertThat(log).containsExactly(Map.entry("B", "70"), Map.entry("A", "210"));
    assertThat(switches).containsExactly("switch@40", "switch@200");
  }

  @Test
  void aLoneThreadKeepsTheCpuPastItsQuantumAtNoCost() {
    thread("A", 0, false, p -> compute(p, 350));
    sim.run();
    assertThat(log).containsExactly(Map.entry("A", "350"));
    assertThat(switches).isEmpty();
    assertThat(counter(KernelCounter.PREEMPTIONS)).isZero();
  }

  @Test
  void aThreadThatWaitsGivesTheCpuAwayAndWaitsForItWhenWoken() {
    Signal bell = sim.signal("bell");
    thread("A", 0, false, p -> {
      compute(p, 20);
      p.await(bell);
      compute(p, 20);
    });
    thread("B", 1, false, p -> compute(p, 50));
    sim.schedule(SimDuration.ofMicros(60), bell::signalAll);
    sim.run();
    // A 0-20, waits | switch | B 30-80 | A, woken at 60, waits for B | switch | A 90-110
    assertThat(log).containsExactly(Map.entry("B", "80"), Map.entry("A", "110"));
    assertThat(switches).containsExactly("switch@20", "switch@80");
  }

  @Test
  void aProcessTakingAnIdleCpuBackPaysNoSwitch() {
    Signal bell = sim.signal("bell");
    thread("A", 0, false, p -> {
      compute(p, 20);
      p.await(bell);
      compute(p, 20);
    });
    sim.schedule(SimDuration.ofMicros(60), bell::signalAll);
    sim.run();
    assertThat(log).containsExactly(Map.entry("A", "80"));
    assertThat(switches).isEmpty();
  }

  @Test
  void aWokenNotificationContextGoesAheadOfOtherReadyThreads() {
    Signal forQ = sim.signal("work for Q");
    Signal forHandler = sim.signal("a notification for P");
    thread("Q", 1, false, p -> {
      p.await(forQ);
      compute(p, 5);
    });
    thread("P/notifications", 0, true, p -> {
      p.await(forHandler);
      compute(p, 5);
    });
    thread("X", 2, false, p -> compute(p, 90));
    // Q wakes at 30, P's handler only at 40, while X computes until 110.
    sim.schedule(SimDuration.ofMicros(30), forQ::signalAll);
    sim.schedule(SimDuration.ofMicros(40), forHandler::signalAll);
    sim.run();
    // Q waits at 0 | switch | handler waits at 10 | switch | X 20-110 | switch | handler
    // 120-125 | switch | Q 135-140
    assertThat(log).containsExactly(Map.entry("X", "110"), Map.entry("P/notifications", "125"),
        Map.entry("Q", "140"));
  }

  @Test
  void aNotificationForTheRunningProcessPreemptsItsMainThreadAtTheNextSynchronisation() {
    Signal notification = sim.signal("a notification for P");
    List<String> handler = new ArrayList<>();
    thread("P", 0, false, p -> compute(p, 100));
    thread("P/notifications", 0, true, p -> {
      while (true) {
        p.await(notification);
        handler.add("from " + micros(p.time()));
        compute(p, 5);
        handler.add("to " + micros(p.time()));
      }
    });
    sim.schedule(SimDuration.ofNanos(30_500), notification::signalAll);
    sim.run();
    // The handler, woken at 30.5, runs at P's next step (31) to 36; P resumes at once after.
    assertThat(handler).containsExactly("from 31", "to 36");
    assertThat(log).containsEntry("P", "105");
    assertThat(switches).isEmpty();
  }

  @Test
  void anInterruptDelaysTheRunningThreadByItsServiceTime() {
    List<String> handled = new ArrayList<>();
    thread("poller", 0, false, p -> compute(p, 100));
    sim.schedule(SimDuration.ofNanos(10_500), () -> cpu.interrupt(SimDuration.ofMicros(7),
        NIC, () -> handled.add(micros(sim.now()))));
    sim.run();
    // The interrupt runs 10.5-17.5; the poller's step due at 11 ends at 18, so 100 steps end at
    // 107.
    assertThat(handled).containsExactly("17.5");
    assertThat(log).containsExactly(Map.entry("poller", "107"));
  }

  @Test
  void interruptsOnAnIdleCpuAreHandledOneAtATimeAndDelayTheNextThread() {
    Signal bell = sim.signal("bell");
    List<String> handled = new ArrayList<>();
    thread("A", 0, false, p -> {
      p.await(bell);
      compute(p, 2);
    });
    sim.schedule(SimDuration.ofMicros(5), () -> cpu.interrupt(SimDuration.ofMicros(8), NIC,
        () -> handled.add("first@" + micros(sim.now()))));
    sim.schedule(SimDuration.ofMicros(6), () -> cpu.interrupt(SimDuration.ofMicros(8),
        NIC, () -> handled.add("second@" + micros(sim.now()))));
    sim.schedule(SimDuration.ofMicros(10), bell::signalAll);
    sim.run();
    // Interrupts 5-13 and 13-21; A, woken at 10, runs 21-23.
    assertThat(handled).containsExactly("first@13", "second@21");
    assertThat(log).containsExactly(Map.entry("A", "23"));
  }

  @Test
  void timeAThreadLostToAnInterruptBeforeWaitingIsWaitedOutByTheNextOne() {
    thread("A", 0, false, p -> {
      p.consume(SimDuration.ofMicros(10)); // runs ahead: no synchronisation point until it sleeps
      p.sleepUntil(SimTime.ofPicos(1_000_000_000));
    });
    thread("B", 1, false, p -> compute(p, 1));
    sim.schedule(SimDuration.ofMicros(4), () -> cpu.interrupt(SimDuration.ofMicros(3), NIC,
        () -> { }));
    sim.run();
    // A's 10 µs end at 13 (3 lost at 4); B waits for that, then the switch: 23, and works to 24.
    assertThat(log).containsEntry("B", "24");
  }

  @Test
  void aThreadBlockedForeverIsReportedWaitingForItsSignalNotTheCpu() {
    Signal never = sim.signal("a message that never comes");
    thread("A", 0, false, p -> p.await(never));
    thread("B", 1, false, p -> compute(p, 5));
    assertThatThrownBy(sim::run).isInstanceOfSatisfying(SimulationDeadlockException.class,
        e -> assertThat(e.blocked()).singleElement().satisfies(
            b -> assertThat(b.waitsFor()).isEqualTo("a message that never comes")));
  }

  @Test
  void closingMidRunEndsThreadsHoldingOrWaitingForTheCpuQuietly() {
    thread("A", 0, false, p -> compute(p, 500));
    thread("B", 1, false, p -> compute(p, 500));
    sim.runUntil(SimTime.ofPicos(150_000_000));
    assertThat(cpu.owner()).isEqualTo("B");
    assertThat(cpu.readyThreads()).isEqualTo(1);
    sim.close();
    assertThat(log).isEmpty();
  }

  @Test
  void theSameScheduleEveryRun() {
    List<TraceRecord> first = trace();
    assertThat(first).isEqualTo(trace());
    assertThat(first).filteredOn(r -> r.what().equals("nic")).hasSize(10)
        .allSatisfy(r -> assertThat(r.stage()).isEqualTo(Stage.INTERRUPT));
    assertThat(first).filteredOn(r -> r.stage() == Stage.PROCESS)
        .allSatisfy(r -> assertThat(r.node()).contains(NodeId.of(0)));
  }

  private static List<TraceRecord> trace() {
    List<TraceRecord> events = new ArrayList<>();
    try (Simulator s = new Simulator(3)) {
      CpuScheduler c = new CpuScheduler(s, NodeId.of(0), SWITCH, QUANTUM, () -> { });
      s.setTracer(events::add);
      Signal bell = s.signal("bell");
      for (int pid = 0; pid < 3; pid++) {
        int me = pid;
        s.spawn(NodeId.of(0), "T" + me, self -> c.run(self, ProcessId.of(0, me), me == 2, p -> {
          for (int k = 0; k < 3; k++) {
            compute(p, 40 + 30 * me);
            p.await(bell, p.time().plus(SimDuration.ofMicros(25)));
          }
        }));
      }
      for (int k = 1; k <= 10; k++) {
        s.schedule(SimDuration.ofMicros(37L * k), TracePoint.machine(Stage.OTHER, "ring"),
            bell::signalAll);
        s.schedule(SimDuration.ofMicros(41L * k), TracePoint.machine(Stage.OTHER, "irq"),
            () -> c.interrupt(SimDuration.ofMicros(6), NIC, () -> { }));
      }
      s.run();
    }
    return events;
  }
}
