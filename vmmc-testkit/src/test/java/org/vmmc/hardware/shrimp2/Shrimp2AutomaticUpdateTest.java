package org.vmmc.hardware.shrimp2;

import static org.assertj.core.api.Assertions.assertThat;

import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.testkit.Arrivals;
import org.vmmc.testkit.StoreLog;
import org.vmmc.userlib.AutomaticUpdateBinding;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * Automatic update on SHRIMP-II beyond the contract suite's section: how its parameters shape
 * the packets (size limit, flush timer, FIFO depth), the counters of its interface, and the
 * write-through pages its snoop logic needs.
 */
class Shrimp2AutomaticUpdateTest {
  static final BufferId INBOX = BufferId.of(1);
  static final SimDuration TIMER = Shrimp2Parameters.DEFAULTS.cycles(
      Shrimp2Parameters.DEFAULTS.combiningTimerCycles());

  /** The sender on node 1 of a two-node machine; it runs against the receiver of {@link #run}. */
  interface Sender {
    void run(VmmcProcess p, ImportedBuffer inbox);
  }

  static Multicomputer machine(Shrimp2Parameters parameters) {
    return Multicomputer.builder().design(new Shrimp2Module(parameters)).mesh(2, 1).seed(21)
        .build();
  }

  /**
   * Runs a receiver on node 0 that exports {@code pages} pages (logging what lands in them
   * for {@code listen}) and {@code sender} on node 1, which has imported that buffer.
   */
  static Arrivals run(Multicomputer mc, int pages, SimDuration listen,
      NotificationHandler handler, Sender sender) {
    Arrivals arrivals = new Arrivals(mc, 0);
    VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
      UserMemory inbox = p.allocate(pages * 4096);
      arrivals.watch(p, inbox);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), handler);
      p.sleep(listen);
      arrivals.stop();
    });
    mc.node(1).spawn("sender", p -> sender.run(p, p.vmmc().importBuffer(rx.id(), INBOX)));
    mc.run();
    return arrivals;
  }

  static Arrivals run(Multicomputer mc, Sender sender) {
    return run(mc, 2, SimDuration.ofMillis(3), null, sender);
  }

  @Test
  void singleWriteSendsOnePacketPerStore() {
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        for (int i = 0; i < 8; i++) {
          out.putInt(4 * i, i + 1);
        }
      });
      assertThat(arrivals.sizes()).containsExactlyElementsOf(Collections.nCopies(8, 4));
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_PACKETS)).isEqualTo(8);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(8);
    }
  }

  @Test
  void blockWriteClosesAPacketAtTheSizeLimitAndAtThePageEnd() {
    long[] packetsBeforeClose = new long[1];
    Shrimp2Parameters limit16 = Shrimp2Parameters.DEFAULTS.toBuilder().maxPacketPayload(16)
        .build();
    try (Multicomputer mc = machine(limit16)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(2 * 4096);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0,
            CombiningMode.BLOCK_WRITE, false);
        out.putBytes(4096 - 24, StoreLog.pattern(32, 3));
        p.sleep(SimDuration.ofMicros(100));
        packetsBeforeClose[0] = mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_PACKETS);
        b.close();
      });
      // 16 bytes at the size limit, 8 at the page end; the last 8 wait for the close.
      assertThat(packetsBeforeClose[0]).isEqualTo(2);
      assertThat(arrivals.sizes()).containsExactly(16, 8, 8);
      assertThat(arrivals.deposits().get(1).offset()).isEqualTo(4096 - 8);
      assertThat(arrivals.deposits().get(2).offset()).isEqualTo(4096);
    }
  }

  @Test
  void timerWriteCombinesStoresCloserThanTheTimerAndFlushesOnceItExpires() {
    SimTime[] lastOfBurst = new SimTime[1];
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        for (int i = 0; i < 8; i++) {
          if (i > 0) {
            // Work between stores that is shorter than the timer keeps them in one packet.
            p.sleep(SimDuration.ofPicos(TIMER.picos() / 2));
          }
          out.putInt(4 * i, i + 1);
        }
        lastOfBurst[0] = p.now();
        p.sleep(SimDuration.ofMicros(50));
        out.putInt(32, 9);
      });
      assertThat(arrivals.sizes()).containsExactly(32, 4);
      SimDuration sentAfter = arrivals.deposits().get(0).time().since(lastOfBurst[0]);
      assertThat(sentAfter).isGreaterThan(TIMER).isLessThan(TIMER.plus(SimDuration.ofMicros(3)));
    }
  }

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void aBurstThatFillsTheFifoStallsTheStoresAndLosesNothing(CombiningMode mode) {
    List<String> stored = new ArrayList<>();
    try (Multicomputer mc = machine(
        Shrimp2Parameters.DEFAULTS.toBuilder().outgoingFifoWords(8).build())) {
      Arrivals arrivals = run(mc, 2, SimDuration.ofMillis(10), null, (p, inbox) -> {
        UserMemory out = p.allocate(2 * 4096);
        StoreLog log = new StoreLog(out, 0);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0, mode, false);
        log.putBytes(0, StoreLog.pattern(2 * 4096, 4));
        b.close();
        stored.addAll(log.bytes());
      });
      assertThat(arrivals.bytes()).containsExactlyElementsOf(stored);
      assertThat(arrivals.sizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(32));
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_STALLS)).isPositive();
      assertThat(mc.inspector().counter(NodeId.of(1), MemoryBusCounter.STALLS)).isPositive();
    }
  }

  /** Stores node 1's CPU has put on the Xpress bus: those to write-through pages. */
  private static long busWrites(Multicomputer mc) {
    return mc.inspector().counter(NodeId.of(1), MemoryBusCounter.WRITES);
  }

  @Test
  void aBoundPageIsWriteThroughUntilTheBindingCloses() {
    List<Long> writes = new ArrayList<>();
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        out.putInt(0, 1);
        writes.add(busWrites(mc));
        b.close();
        out.putInt(0, 2);
        out.putInt(4, 3);
        writes.add(busWrites(mc));
      });
      // The bound page's store reaches the bus, where the snoop logic sees it; unbound, the
      // page is write-back again and its stores stay in the cache.
      assertThat(writes).containsExactly(1L, 1L);
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(1);
    }
  }

  @Test
  void storesToPagesThatAreNotBoundReachNeitherTheBusNorTheInterface() {
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory two = p.allocate(2 * 4096);
        UserMemory other = p.allocate(4096);
        p.vmmc().bindAutomaticUpdate(two.slice(0, 4096), inbox, 0,
            CombiningMode.SINGLE_WRITE, false);
        two.putInt(4096, 9);
        two.putBytes(8000, new byte[] {1, 2, 3});
        other.putInt(0, 10);
        p.storeWord(other.address().plus(8), 11);
        two.putInt(0, 12);
      });
      assertThat(arrivals.bytes()).containsExactly("0=12", "1=0", "2=0", "3=0");
      assertThat(mc.inspector().counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(1);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(1);
      assertThat(busWrites(mc)).isEqualTo(1);
    }
  }
}
