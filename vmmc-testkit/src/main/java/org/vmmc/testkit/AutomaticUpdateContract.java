package org.vmmc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vmmc.testkit.VmmcAssertions.assertThat;

import org.vmmc.kernel.KernelCounter;
import java.util.ArrayList;
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
import org.vmmc.core.VmmcException;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.userlib.AutomaticUpdateBinding;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * The automatic-update section of the contract suite (design reference, sections 2 and 4.3):
 * what a binding carries, in what order and how combining groups it, how unbinding, undoing the
 * import, unexporting and exit end it while stores are still on their way, and which bindings
 * are refused. It runs inside {@link VmmcContract}; every test but one needs
 * {@link NicFeature#AUTOMATIC_UPDATE} and skips, saying so, on a design without it, where the
 * remaining test checks that the binding is refused naming the design and the feature.
 *
 * <p>Only what the user library promises is checked, through {@link Arrivals}: which bytes
 * land, in what order, and how many writes (packets) carry them. How a design combines beyond
 * the rules of {@link CombiningMode}, and what it counts, is the design's own tests' business.
 */
public abstract class AutomaticUpdateContract extends DesignContract {
  private static final SimDuration LISTEN = SimDuration.ofMillis(3);
  /** Stores after which a revocation that has not ended the binding is late. */
  private static final int MAX_STORES = 20_000;
  /** CPU cycles between two stores of a steady stream. */
  private static final long STORE_GAP_CYCLES = 600;

  /** What the sender on node 1 does with its import of the receiver's buffer. */
  @FunctionalInterface
  private interface Sender {
    void run(VmmcProcess p, ImportedBuffer inbox);
  }

  private void requireAutomaticUpdate() {
    assumeTrue(nicDesign().has(NicFeature.AUTOMATIC_UPDATE), "the " + nicDesign().name()
        + " design has no AUTOMATIC_UPDATE: it must refuse the binding, which"
        + " aDesignWithoutAutomaticUpdateRefusesTheBindingNamingItselfAndTheFeature checks");
  }

  /** A 2 by 1 machine of the design under test, on which automatic update runs. */
  private Multicomputer auMachine(long seed) {
    requireAutomaticUpdate();
    return machine(2, 1, seed).build();
  }

  /**
   * Runs a receiver on node 0 that exports {@code pages} pages (logging what lands in them for
   * {@code listen}, with {@code handler}) and {@code sender} on node 1, which has imported them.
   */
  private static Arrivals run(Multicomputer mc, int pages, SimDuration listen,
      NotificationHandler handler, Sender sender) {
    return run(mc, new Arrivals(mc, 0), pages, listen, handler, sender);
  }

  /** Like the other {@code run}, logging into {@code arrivals}. */
  private static Arrivals run(Multicomputer mc, Arrivals arrivals, int pages, SimDuration listen,
      NotificationHandler handler, Sender sender) {
    VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
      UserMemory inbox = p.allocate(pages * PAGE);
      arrivals.watch(p, inbox);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), handler);
      p.sleep(listen);
      arrivals.stop();
    });
    mc.node(1).spawn("sender", p -> sender.run(p, p.vmmc().importBuffer(rx.id(), INBOX)));
    mc.run();
    return arrivals;
  }

  private static Arrivals run(Multicomputer mc, Sender sender) {
    return run(mc, 2, LISTEN, null, sender);
  }

  // ---- What a binding carries: every store, with its value, in store order.

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void everyStoreArrivesWithItsValueInStoreOrder(CombiningMode mode) {
    List<String> stored = new ArrayList<>();
    try (Multicomputer mc = auMachine(41)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(2 * PAGE);
        StoreLog log = new StoreLog(out, 0);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0, mode, false);
        log.putInt(0, 0x11223344);
        log.putInt(4, 0x55667788);
        log.putInt(0, 0x99AABBCC);
        log.putBytes(PAGE - 6, StoreLog.pattern(12, 1));
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
  void aBindingAtAnOffsetCarriesStoresToTheSameOffsetOfThatPage() {
    StoreLog[] log = new StoreLog[1];
    try (Multicomputer mc = auMachine(42)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        log[0] = new StoreLog(out, PAGE);
        p.vmmc().bindAutomaticUpdate(out, inbox, PAGE, CombiningMode.SINGLE_WRITE, false);
        log[0].putInt(8, 0xCAFE);
        log[0].putInt(PAGE - 4, 0xF00D);
      });
      assertThat(arrivals).carriedExactly(log[0]);
      assertThat(arrivals.wordValues(PAGE + 8)).containsExactly(0xCAFE);
    }
  }

  @Test
  void whatTheRegionHeldBeforeBindingIsNotSent() {
    try (Multicomputer mc = auMachine(43)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        out.putInt(0, 1);
        out.putInt(64, 2);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(4, 3);
      });
      assertThat(arrivals.bytes()).containsExactly("4=3", "5=0", "6=0", "7=0");
    }
  }

  @Test
  void storesToPagesThatAreNotBoundNeverLeaveTheNode() {
    try (Multicomputer mc = auMachine(44)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory two = p.allocate(2 * PAGE);
        UserMemory other = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(two.slice(0, PAGE), inbox, 0,
            CombiningMode.SINGLE_WRITE, false);
        two.putInt(PAGE, 9);
        two.putBytes(8000, new byte[] {1, 2, 3});
        other.putInt(0, 10);
        p.storeWord(other.address().plus(8), 11);
        two.putInt(0, 12);
      });
      assertThat(arrivals.bytes()).containsExactly("0=12", "1=0", "2=0", "3=0");
    }
  }

  // ---- How the combining modes group stores into packets (CombiningMode).

  @Test
  void singleWriteSendsEveryStoreInAPacketOfItsOwn() {
    try (Multicomputer mc = auMachine(45)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        for (int i = 0; i < 8; i++) {
          out.putInt(4 * i, i + 1);
        }
      });
      assertThat(arrivals).hasPacketSizes(4, 4, 4, 4, 4, 4, 4, 4);
    }
  }

  @Test
  void blockWriteHoldsTheLastPacketOfABurstUntilAStoreElsewhereClosesIt() {
    List<Integer> arrivedMeanwhile = new ArrayList<>();
    try (Multicomputer mc = auMachine(46)) {
      Arrivals arrivals = new Arrivals(mc, 0);
      run(mc, arrivals, 2, LISTEN, null, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0,
            CombiningMode.BLOCK_WRITE, false);
        for (int i = 0; i < 8; i++) {
          out.putInt(4 * i, i + 1);
        }
        p.sleep(SimDuration.ofMicros(200));
        arrivedMeanwhile.add(arrivals.deposits().size());
        out.putInt(64, 99);
        p.sleep(SimDuration.ofMicros(200));
        arrivedMeanwhile.add(arrivals.deposits().size());
        b.close();
      });
      assertThat(arrivedMeanwhile).as("packets arrived before the store elsewhere, and after")
          .containsExactly(0, 1);
      assertThat(arrivals).hasPacketSizes(32, 4);
      assertThat(arrivals.wordValues(28)).containsExactly(8);
      assertThat(arrivals.wordValues(64)).containsExactly(99);
    }
  }

  @Test
  void timerWriteCombinesABurstAndSendsItsLastPacketByItself() {
    StoreLog[] log = new StoreLog[1];
    try (Multicomputer mc = auMachine(47)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        log[0] = new StoreLog(out, 0);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.TIMER_WRITE, false);
        for (int i = 0; i < 8; i++) {
          log[0].putInt(4 * i, i + 1);
        }
        // Nothing closes the packet but the timer: the binding stays open while the receiver
        // listens.
        p.sleep(LISTEN.plus(LISTEN));
      });
      assertThat(arrivals).carriedExactly(log[0]);
      assertThat(arrivals.sizes()).as("packets of a burst of 8 word stores").hasSizeLessThan(8);
    }
  }

  @Test
  void aNotifyingBindingNotifiesTheReceiverOfEveryStore() {
    List<String> notes = new ArrayList<>();
    try (Multicomputer mc = auMachine(48)) {
      run(mc, 1, LISTEN, n -> notes.add(n.offset() + ":" + n.length()), (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.TIMER_WRITE, true);
        for (int i = 0; i < 5; i++) {
          out.putInt(4 * i, i + 1);
        }
      });
      assertThat(notes).containsExactly("0:4", "4:4", "8:4", "12:4", "16:4");
    }
  }

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void automaticAndDeliberateUpdatesToOneDestinationStayInProgramOrder(CombiningMode mode) {
    try (Multicomputer mc = auMachine(49)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory bound = p.allocate(PAGE);
        UserMemory staging = p.allocate(PAGE);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(bound, inbox, 0, mode, false);
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

  // ---- Unbinding, unimport, unexport and exit end a binding; what was stored still arrives.

  @Test
  void closingStopsPropagationAndClosingAgainDoesNothing() {
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = auMachine(50)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        seen.add(b.isBound());
        out.putInt(0, 1);
        b.close();
        seen.add(b.isBound());
        out.putInt(0, 2);
        out.putInt(4, 3);
        long calls = p.systemCalls();
        b.close();
        seen.add(p.systemCalls() - calls);
      });
      assertThat(seen).containsExactly(true, false, 0L);
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(arrivals).hasPacketSizes(4);
    }
  }

  @Test
  void unimportSendsWhatWasStoredThenEndsTheBinding() {
    boolean[] bound = {true};
    try (Multicomputer mc = auMachine(51)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.BLOCK_WRITE, false);
        out.putInt(0, 1);
        out.putInt(4, 2);
        p.vmmc().unimport(inbox);
        bound[0] = b.isBound();
        out.putInt(0, 3);
        b.close();
      });
      assertThat(bound[0]).isFalse();
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(arrivals.wordValues(4)).containsExactly(2);
    }
  }

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void aPageOfStoresInFlightAtUnimportArrivesWholeAndNothingStoredAfterIt(CombiningMode mode) {
    StoreLog[] log = new StoreLog[1];
    try (Multicomputer mc = auMachine(52)) {
      Arrivals arrivals = run(mc, 1, SimDuration.ofMillis(10), null, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        log[0] = new StoreLog(out, 0);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, mode, false);
        log[0].putBytes(0, StoreLog.pattern(PAGE, 5));
        p.vmmc().unimport(inbox);
        out.putBytes(0, StoreLog.pattern(PAGE, 6));
      });
      assertThat(arrivals).carriedExactly(log[0]);
    }
  }

  @Test
  void unexportReachesTheImporterAndEndsItsBinding() {
    boolean[] bound = new boolean[2];
    try (Multicomputer mc = auMachine(53)) {
      Arrivals arrivals = new Arrivals(mc, 0);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        arrivals.watch(p, inbox);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, 0, word -> word == 1);
        p.vmmc().unexport(exported);
        p.sleep(SimDuration.ofMillis(2));
        arrivals.stop();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        bound[0] = b.isBound();
        p.sleep(SimDuration.ofMillis(1));
        bound[1] = b.isBound();
        out.putInt(0, 2);
        b.close();
      });
      mc.run();
      assertThat(bound).containsExactly(true, false);
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(mc).hasNoDropReports();
    }
  }

  @ParameterizedTest
  @EnumSource(value = CombiningMode.class, names = {"SINGLE_WRITE", "BLOCK_WRITE", "TIMER_WRITE"})
  void anUnexportWhileStoresAreInFlightLetsNothingLandAfterItReturns(CombiningMode mode) {
    // The exporter unexports while the importer keeps storing into its bound page, and
    // exports the same memory again at once: a packet of the old binding that came after
    // the unexport returned would be taken there, not dropped.
    SimTime[] unexported = new SimTime[1];
    byte[][] memory = new byte[2][];
    boolean[] boundAtEnd = {true};
    List<Arrivals.Deposit> deposits;
    try (Multicomputer mc = auMachine(54)) {
      Arrivals arrivals = new Arrivals(mc, 0);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        arrivals.watch(p, inbox);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, 0, word -> word != 0);
        p.vmmc().unexport(exported);
        unexported[0] = p.now();
        memory[0] = inbox.getBytes(0, PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
        memory[1] = inbox.getBytes(0, PAGE);
        arrivals.stop();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0, mode, false);
        // A store every few microseconds, each to a word apart from the last, until the
        // revocation has ended the binding. (A flood without pauses would keep the exporter's
        // CPU busy with the error interrupts of the packets its unexport refuses.)
        for (int i = 0; i < MAX_STORES && b.isBound(); i++) {
          out.putInt((8 * i) % PAGE, i + 1);
          p.compute(STORE_GAP_CYCLES);
        }
        boundAtEnd[0] = b.isBound();
      });
      mc.run();
      deposits = arrivals.deposits();
    }
    assertThat(boundAtEnd[0]).as("the binding after the exporter unexported").isFalse();
    assertThat(deposits).as("writes into the buffer").isNotEmpty().allSatisfy(d ->
        assertThat(d.time()).as("a write at offset %s", d.offset())
            .isLessThanOrEqualTo(unexported[0]));
    assertThat(memory[1]).as("the buffer after the unexport returned").isEqualTo(memory[0]);
  }

  @Test
  void exitSendsTheOpenPacketAndUnbinds() {
    try (Multicomputer mc = auMachine(55)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.BLOCK_WRITE, false);
        out.putInt(0, 7);
        out.putInt(4, 8);
      });
      assertThat(arrivals).hasPacketSizes(8);
      assertThat(arrivals.wordValues(4)).containsExactly(8);
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_UNBINDINGS)).isEqualTo(1);
      assertThat(mc).hasNoFramesInUse();
    }
  }

  @Test
  void closingATwoPageBindingWhileTheExporterRevokesItEndsItOnce() {
    boolean[] seen = new boolean[3];
    try (Multicomputer mc = auMachine(56)) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, PAGE, word -> word == 2);
        p.vmmc().unexport(exported);
        seen[0] = true;
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(2 * PAGE);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        out.putInt(PAGE, 2);
        // Local work runs the clock past the revocation, which then arrives in the middle of
        // the unbind.
        p.compute(1_000_000);
        b.close();
        seen[1] = b.isBound();
        seen[2] = inbox.isRevoked();
      });
      mc.run();
      assertThat(seen).containsExactly(true, false, true);
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_UNBINDINGS)).isEqualTo(1);
      assertThat(mc).hasNoFramesInUse();
    }
  }

  @Test
  void aHandlerThatUnimportsWhileTheMainThreadUnbindsEndsTheBindingOnce() {
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = auMachine(57)) {
      VmmcProcess[] sender = new VmmcProcess[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, PAGE, word -> word == 2);
        ImportedBuffer poke = p.vmmc().importBuffer(sender[0].id(), BufferId.of(2));
        UserMemory word = p.allocate(PAGE);
        p.vmmc().sendWithNotify(word, 0, poke, 0, 4);
        p.sleep(SimDuration.ofMillis(20));
      });
      sender[0] = mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        p.vmmc().export(p.allocate(PAGE), BufferId.of(2), ImportPolicy.anyone(), n -> {
          p.vmmc().unimport(inbox);
          seen.add("handler: revoked " + inbox.isRevoked());
        });
        UserMemory out = p.allocate(2 * PAGE);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        out.putInt(PAGE, 2);
        // Run ahead past the notification: its handler takes over in the middle of the
        // unbind and undoes the import under the half-released binding.
        p.compute(1_000_000);
        b.close();
        seen.add("main: bound " + b.isBound());
      });
      mc.run();
      assertThat(seen).containsExactly("handler: revoked true", "main: bound false");
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_UNBINDINGS)).isEqualTo(1);
      assertThat(mc).hasNoFramesInUse();
    }
  }

  // ---- Bindings the library or the kernel refuse, with nothing bound afterwards.

  /** What a sender tries with a region of three pages and an import of the receiver's buffer. */
  @FunctionalInterface
  private interface Attempt {
    void run(VmmcProcess p, UserMemory region, ImportedBuffer inbox);
  }

  /**
   * Runs {@code attempt} in a sender on node 1 against a buffer of {@code length} bytes at
   * {@code offset} of a receiver's two pages on node 0; returns what it threw. Afterwards the
   * sender stores to every page of its region, and none of it may reach the receiver.
   */
  private Throwable refusal(int offset, int length, Attempt attempt) {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = machine(2, 1, 31).build()) {
      Arrivals arrivals = new Arrivals(mc, 0);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        arrivals.watch(p, inbox);
        p.vmmc().export(inbox, offset, length, INBOX, ImportPolicy.anyone(), null);
        p.sleep(LISTEN);
        arrivals.stop();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory region = p.allocate(3 * PAGE);
        try {
          attempt.run(p, region, inbox);
        } catch (RuntimeException e) {
          errors.add(e);
        }
        for (int page = 0; page < 3; page++) {
          region.putInt(page * PAGE, page + 1);
        }
      });
      mc.run();
      assertThat(arrivals).hasReceivedNothing();
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isZero();
    }
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private Throwable refusal(Attempt attempt) {
    requireAutomaticUpdate();
    return refusal(0, 2 * PAGE, attempt);
  }

  @Test
  void aDesignWithoutAutomaticUpdateRefusesTheBindingNamingItselfAndTheFeature() {
    assumeFalse(nicDesign().has(NicFeature.AUTOMATIC_UPDATE), "the " + nicDesign().name()
        + " design has AUTOMATIC_UPDATE: the other tests of this section check the binding");
    assertThat(refusal(0, 2 * PAGE, (p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, PAGE), inbox, 0)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(nicDesign().name())
        .hasMessageContaining(NicFeature.AUTOMATIC_UPDATE.name());
  }

  @Test
  void aRegionThatDoesNotStartOnAPageIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(4, PAGE), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not aligned to the 4096-byte page");
  }

  @Test
  void aRegionThatIsNotWholePagesIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 100), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region of 100 bytes is not a whole number of 4096-byte pages");
  }

  @Test
  void aDestinationOffsetOffAPageIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, PAGE), inbox, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destination offset 64 is not a non-negative multiple of the"
            + " 4096-byte page");
  }

  @Test
  void pagesPastTheEndOfTheImportedBufferAreRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 2 * PAGE), inbox, PAGE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8192 bytes at offset 4096 reach past the end of the 8192-byte"
            + " imported buffer");
  }

  @Test
  void aPagePartlyOutsideTheBufferIsRefused() {
    requireAutomaticUpdate();
    assertThat(refusal(0, 6000, (p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 2 * PAGE), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reach past the end of the 6000-byte imported buffer");
  }

  @Test
  void aBufferThatDoesNotStartOnAPageIsRefused() {
    requireAutomaticUpdate();
    assertThat(refusal(64, PAGE, (p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, PAGE), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts 64 bytes into a page of its exporter");
  }

  @Test
  void disableIsNotAWayToBind() {
    assertThat(refusal((p, region, inbox) -> p.vmmc().bindAutomaticUpdate(
        region.slice(0, PAGE), inbox, 0, CombiningMode.DISABLE, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("combining mode DISABLE turns automatic update off");
  }

  @Test
  void anImportThatWasUndoneIsRevoked() {
    assertThat(refusal((p, region, inbox) -> {
      p.vmmc().unimport(inbox);
      p.vmmc().bindAutomaticUpdate(region.slice(0, PAGE), inbox, 0);
    })).isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.REVOKED));
  }

  @Test
  void aPageIsBoundOnlyOnceAndCannotBeFreedWhileBound() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = auMachine(32)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory region = p.allocate(2 * PAGE);
        p.vmmc().bindAutomaticUpdate(region.slice(PAGE, PAGE), inbox, 0);
        try {
          p.vmmc().bindAutomaticUpdate(region, inbox, 0);
        } catch (IllegalStateException e) {
          errors.add(e);
        }
        try {
          p.free(region);
        } catch (IllegalStateException e) {
          errors.add(e);
        }
        region.putInt(0, 1);
      });
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isEqualTo(1);
      assertThat(arrivals).hasReceivedNothing();
    }
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).hasMessageContaining("overlap pages already bound");
    assertThat(errors.get(1)).hasMessageContaining("close that binding first");
  }

  @Test
  void anotherProcesssImportCannotBeBound() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = auMachine(33)) {
      ImportedBuffer[] stolen = new ImportedBuffer[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(LISTEN);
      });
      mc.node(1).spawn("importer", p -> {
        stolen[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        p.sleep(SimDuration.ofMillis(2));
      });
      mc.node(1).spawn("thief", p -> {
        p.sleep(SimDuration.ofMillis(1));
        try {
          p.vmmc().bindAutomaticUpdate(p.allocate(PAGE), stolen[0], 0);
        } catch (IllegalArgumentException e) {
          errors.add(e);
        }
      });
      mc.run();
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isZero();
      assertThat(mc.inspector().dropReports(NodeId.of(0))).isEmpty();
    }
    assertThat(errors).singleElement().satisfies(
        e -> assertThat(e).hasMessageContaining("was imported by"));
  }
}
