package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

/** Automatic update on SHRIMP-II: what arrives, in what order, in how many packets. */
class AutomaticUpdateTest {
  static final BufferId INBOX = BufferId.of(1);
  static final SimDuration TIMER = Shrimp2Parameters.DEFAULTS.cycles(
      Shrimp2Parameters.DEFAULTS.combiningTimerCycles());

  /** The sender on node 1 of a two-node machine; it runs against {@link #receiver}. */
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

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void everyStoreArrivesWithItsValueInStoreOrder(CombiningMode mode) {
    List<String> stored = new ArrayList<>();
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(2 * 4096);
        StoreLog log = new StoreLog(out, 0);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0, mode, false);
        log.putInt(0, 0x11223344);
        log.putInt(4, 0x55667788);
        log.putInt(0, 0x99AABBCC);
        log.putBytes(4096 - 6, StoreLog.pattern(12, 1));
        log.putBytes(101, new byte[] {7});
        log.putBytes(102, new byte[] {8, 9});
        log.storeWord(200, 0xDEADBEEF);
        log.putBytes(1024, StoreLog.pattern(256, 2));
        log.putInt(4, 0x0BADCAFE);
        b.close();
        stored.addAll(log.bytes());
      });
      assertThat(stored).hasSize(4 * 5 + 12 + 1 + 2 + 256);
      assertThat(arrivals.bytes()).containsExactlyElementsOf(stored);
    }
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
  void blockWriteCombinesConsecutiveWordsUntilAStoreElsewhere() {
    long[] packets = new long[2];
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0,
            CombiningMode.BLOCK_WRITE, false);
        for (int i = 0; i < 8; i++) {
          out.putInt(4 * i, i + 1);
        }
        p.sleep(SimDuration.ofMicros(100));
        packets[0] = mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_PACKETS);
        out.putInt(64, 99);
        p.sleep(SimDuration.ofMicros(100));
        packets[1] = mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_PACKETS);
        b.close();
      });
      assertThat(packets).containsExactly(0, 1);
      assertThat(arrivals.sizes()).containsExactly(32, 4);
      assertThat(arrivals.wordValues(28)).containsExactly(8);
      assertThat(arrivals.wordValues(64)).containsExactly(99);
    }
  }

  @Test
  void blockWriteClosesAPacketAtTheSizeLimitAndAtThePageEnd() {
    long[] packetsBeforeClose = new long[1];
    Shrimp2Parameters limit16 = Shrimp2Parameters.DEFAULTS.toBuilder().maxPacketPayload(16).build();
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
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS.toBuilder().outgoingFifoWords(8)
        .build())) {
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

  @Test
  void aNotifyingBindingNotifiesTheReceiverOfEveryWord() {
    List<String> notes = new ArrayList<>();
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      run(mc, 1, SimDuration.ofMillis(3), n -> notes.add(n.offset() + ":" + n.length()),
          (p, inbox) -> {
            UserMemory out = p.allocate(4096);
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.TIMER_WRITE, true);
            for (int i = 0; i < 5; i++) {
              out.putInt(4 * i, i + 1);
            }
          });
      assertThat(notes).containsExactly("0:4", "4:4", "8:4", "12:4", "16:4");
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_PACKETS)).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void automaticAndDeliberateUpdatesToOneDestinationStayInOrder(CombiningMode mode) {
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory bound = p.allocate(4096);
        UserMemory staging = p.allocate(4096);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(bound, inbox, 0, mode, false);
        for (int round = 0; round < 3; round++) {
          bound.putInt(0, 10 * round + 1);
          staging.putInt(0, 10 * round + 2);
          p.vmmc().send(staging, 0, inbox, 0, 4);
        }
        bound.putInt(0, 99);
        b.close();
      });
      assertThat(arrivals.wordValues(0)).containsExactly(1, 2, 11, 12, 21, 22, 99);
    }
  }
}
