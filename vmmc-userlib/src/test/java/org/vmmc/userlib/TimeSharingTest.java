package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.Signal;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.kernel.KernelCounter;
import org.vmmc.kernel.KernelParameters;

/** Several processes on one node time-share its CPU; SHRIMP-II's UDMA survives the switches. */
class TimeSharingTest {
  private static final BufferId INBOX = BufferId.of(1);
  /** UDMA status bits of a LOAD from a source proxy (SHRIMP-II's UdmaStatus). */
  private static final int STARTED = 1;
  private static final int INVALID = 1 << 2;

  // ---- two senders on one node ----

  private static final int MESSAGES = 100;
  private static final int WORDS = 16;
  private static final int SLOT = 4 * WORDS;
  private static final int REGION = 8192;

  private record Delivery(int[][][] received, RunResult result) {}

  private static int word(int sender, int message, int index) {
    return (sender + 1) << 24 | (message + 1) << 8 | index;
  }

  /**
   * Two processes on node 1 each send {@link #MESSAGES} messages into their own region of one
   * buffer on node 0, computing a random while between messages; a 3 µs quantum makes the CPU
   * change hands at every kind of moment, between a UDMA STORE and its LOAD included.
   */
  private static Delivery twoSendersOnOneNode(long seed) {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(seed)
        .kernel(KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ofMicros(3)).build())
        .build()) {
      int[][][] received = new int[2][MESSAGES][WORDS];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * REGION);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        for (int k = 0; k < 2; k++) {
          int lastWord = k * REGION + (MESSAGES - 1) * SLOT + SLOT - 4;
          // Test and wait in one step, so a word landing between them is not missed.
          p.awaitWord(inbox, lastWord, word -> word != 0);
        }
        for (int k = 0; k < 2; k++) {
          for (int m = 0; m < MESSAGES; m++) {
            for (int i = 0; i < WORDS; i++) {
              received[k][m][i] = inbox.getInt(k * REGION + m * SLOT + 4 * i);
            }
          }
        }
      });
      for (int k = 0; k < 2; k++) {
        int sender = k;
        mc.node(1).spawn("sender" + k, p -> {
          ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
          UserMemory src = p.allocate(4096);
          SplittableRandom think = mc.simulator().random().stream("sender" + sender);
          for (int m = 0; m < MESSAGES; m++) {
            for (int i = 0; i < WORDS; i++) {
              src.putInt(4 * i, word(sender, m, i));
            }
            p.compute(think.nextInt(240));
            p.vmmc().send(src, 0, dst, sender * REGION + m * SLOT, SLOT);
          }
        });
      }
      return new Delivery(received, mc.run());
    }
  }

  @Test
  void twoSendersOnOneNodeDeliverEveryMessageIntact() {
    Delivery d = twoSendersOnOneNode(5);
    for (int k = 0; k < 2; k++) {
      for (int m = 0; m < MESSAGES; m++) {
        for (int i = 0; i < WORDS; i++) {
          assertThat(d.received()[k][m][i]).as("sender %s message %s word %s", k, m, i)
              .isEqualTo(word(k, m, i));
        }
      }
    }
    RunResult r = d.result();
    assertThat(r.counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(2 * MESSAGES);
    assertThat(r.counter(NodeId.of(1), KernelCounter.CONTEXT_SWITCHES)).isGreaterThan(2 * MESSAGES);
    // The worst moment happened: a switch fell between a STORE and its LOAD, and was retried.
    assertThat(r.counter(NodeId.of(1), Shrimp2Counter.UDMA_CANCELLED)).isPositive();
    assertThat(r.counter(NodeId.of(1), Shrimp2Counter.UDMA_RETRIES))
        .isGreaterThanOrEqualTo(r.counter(NodeId.of(1), Shrimp2Counter.UDMA_CANCELLED));
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    Delivery first = twoSendersOnOneNode(9);
    Delivery second = twoSendersOnOneNode(9);
    assertThat(second.result()).isEqualTo(first.result());
    assertThat(second.received()).isDeepEqualTo(first.received());
  }

  // ---- a context switch between a STORE and its LOAD ----

  @Test
  void aSwitchBetweenStoreAndLoadCancelsThePairSoNoTransferMixesTwoProcesses() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1).seed(6)
        .kernel(KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ofMicros(50)).build())
        .build()) {
      Signal latched = mc.simulator().signal("P's STORE to be latched");
      boolean[] stored = {false};
      int[] status = new int[3];
      int[][] landed = new int[2][];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory forP = p.allocate(4096);
        UserMemory forQ = p.allocate(4096);
        p.vmmc().export(forP, BufferId.of(1), ImportPolicy.anyone());
        p.vmmc().export(forQ, BufferId.of(2), ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
        landed[0] = new int[] {forP.getInt(0), forP.getInt(4)};
        landed[1] = new int[] {forQ.getInt(0), forQ.getInt(4)};
      });
      mc.node(1).spawn("P", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        UserMemory src = p.allocate(4096);
        src.putInt(0, 0xAAAA_0001);
        VirtualAddress destinationProxy = dst.imported.mapping().proxyAddress();
        VirtualAddress sourceProxy = src.address().plus(VirtualLayout.ALIAS_OFFSET);
        p.storeWord(destinationProxy, 4);
        stored[0] = true;
        latched.signalAll();
        // 100 µs of work: the quantum ends and P is preempted at the LOAD's reference.
        p.compute(6_000);
        status[0] = p.loadWord(sourceProxy);
        p.storeWord(destinationProxy, 4);
        status[2] = p.loadWord(sourceProxy);
      });
      mc.node(1).spawn("Q", p -> {
        UserMemory src = p.allocate(4096);
        src.putInt(0, 0xBBBB_0002);
        mc.simulator().currentProcess().awaitUntil(latched, () -> stored[0]);
        // A lone LOAD: were P's STORE still latched, it would send Q's word to P's buffer.
        status[1] = p.loadWord(src.address().plus(VirtualLayout.ALIAS_OFFSET));
      });
      RunResult result = mc.run();
      assertThat(status[1] & INVALID).as("Q's lone LOAD").isEqualTo(INVALID);
      assertThat(status[0] & INVALID).as("P's interrupted LOAD").isEqualTo(INVALID);
      assertThat(status[2] & STARTED).as("P's repeated pair").isEqualTo(STARTED);
      assertThat(result.counter(NodeId.of(1), Shrimp2Counter.UDMA_CANCELLED)).isEqualTo(1);
      assertThat(result.counter(NodeId.of(1), Shrimp2Counter.UDMA_INVALID)).isEqualTo(2);
      assertThat(result.counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(1);
      assertThat(landed[0]).containsExactly(0xAAAA_0001, 0);
      assertThat(landed[1]).containsExactly(0, 0);
    }
  }

  // ---- interrupts and sleeping ----

  /** The time a poller sees one word arrive, and when incoming DMA wrote it. */
  private record Poll(SimTime start, SimTime written, SimTime seen) {}

  /** A receiver on node 0 polls for one word from node 1, sent with or without a notification. */
  private static Poll pollForOneWord(boolean notify) {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(8).build()) {
      List<SimTime> writes = new ArrayList<>();
      mc.inspector().onMemoryWrite(NodeId.of(0), (node, address, length) -> writes.add(
          mc.inspector().now()));
      SimTime[] times = new SimTime[2];
      VmmcProcess rx = mc.node(0).spawn("poller", p -> {
        UserMemory inbox = p.allocate(4096);
        // The handler never runs (notifications stay blocked), but each arrival interrupts.
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> { });
        p.vmmc().blockNotifications();
        times[0] = p.now();
        p.awaitChange(inbox, 0, 4);
        times[1] = p.now();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        src.putInt(0, 42);
        if (notify) {
          p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
        } else {
          p.vmmc().send(src, 0, dst, 0, 4);
        }
      });
      RunResult result = mc.run();
      // The first write to node 0's memory is the word's incoming DMA (the last, frames being
      // cleared as the poller exits).
      assertThat(writes.get(0)).isLessThan(times[1]);
      assertThat(result.counter(NodeId.of(0), KernelCounter.INTERRUPTS)).isEqualTo(notify ? 1 : 0);
      return new Poll(times[0], writes.get(0), times[1]);
    }
  }

  /**
   * Where awaitChange, called at {@code called}, sees a change it can first look for at
   * {@code looking}: it reads the word once (a cached load), then polls in whole iterations and
   * ends with the load that misses.
   */
  private static SimTime pollSees(SimTime called, SimTime looking, Cpu cpu) {
    SimTime start = called.plus(cpu.cycles(cpu.parameters().cachedLoadCycles()));
    SimDuration iteration = cpu.cycles(LibraryParameters.DEFAULTS.pollIterationCycles());
    long iterations = looking.since(start).picos() / iteration.picos() + 1;
    return start.plus(iteration.times(iterations))
        .plus(cpu.cycles(LibraryParameters.DEFAULTS.pollMissCycles()));
  }

  @Test
  void anInterruptOnArrivalDelaysThePollerByTheKernelsServiceTime() {
    Cpu cpu;
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).build()) {
      cpu = mc.node(0).kernel().cpu();
    }
    CpuParameters c = cpu.parameters();
    SimDuration service = cpu.cycles(c.interruptEntryCycles()
        + KernelParameters.DEFAULTS.interruptDispatchCycles() + c.interruptExitCycles());
    Poll plain = pollForOneWord(false);
    Poll interrupted = pollForOneWord(true);
    assertThat(plain.seen()).isEqualTo(pollSees(plain.start(), plain.written(), cpu));
    // The interrupt handler has the CPU from the write on: the loop looks again only after it.
    assertThat(interrupted.seen()).isEqualTo(
        pollSees(interrupted.start(), interrupted.written().plus(service), cpu));
    assertThat(interrupted.seen().since(interrupted.written()).picos())
        .isGreaterThanOrEqualTo(service.picos());
  }

  @Test
  void aSleepingProcessLeavesTheCpuToAnother() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(3).build()) {
      SimTime[] times = new SimTime[2];
      mc.node(0).spawn("sleeper", p -> {
        p.sleep(SimDuration.ofMillis(1));
        times[0] = p.now();
      });
      mc.node(0).spawn("worker", p -> {
        UserMemory m = p.allocate(4096);
        p.compute(6_000);
        m.putInt(0, 1);
        times[1] = p.now();
      });
      RunResult result = mc.run();
      Cpu cpu = mc.node(0).kernel().cpu();
      CpuParameters c = cpu.parameters();
      KernelParameters k = mc.node(0).kernel().parameters();
      SimDuration contextSwitch = cpu.cycles(c.contextSwitchCycles());
      // The worker starts once the sleeper sleeps, after a switch: allocate (a trap, a page,
      // the return), the computation and one cached store.
      SimTime workerDone = SimTime.ZERO.plus(contextSwitch)
          .plus(cpu.cycles(c.trapEntryCycles()))
          .plus(cpu.cycles(k.allocateCyclesPerPage()))
          .plus(cpu.cycles(c.trapExitCycles()))
          .plus(cpu.cycles(6_000))
          .plus(cpu.cycles(c.cachedStoreCycles()));
      assertThat(times[1]).isEqualTo(workerDone);
      // The sleeper wakes at 1 ms to an idle CPU last used by the worker: one more switch.
      assertThat(times[0]).isEqualTo(SimTime.ZERO.plus(SimDuration.ofMillis(1))
          .plus(contextSwitch));
      assertThat(result.counter(NodeId.of(0), KernelCounter.CONTEXT_SWITCHES)).isEqualTo(2);
    }
  }
}
