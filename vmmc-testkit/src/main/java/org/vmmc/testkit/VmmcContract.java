package org.vmmc.testkit;

import org.vmmc.core.nic.SystemCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vmmc.testkit.VmmcAssertions.assertThat;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.ProcessFailedException;
import org.vmmc.core.sim.SimulationDeadlockException;
import org.vmmc.kernel.KernelCounter;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.Ablation;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportRequest;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * The behaviour every network interface design must give VMMC programs (design reference,
 * section 2), checked through the public user library only. A design runs it by subclassing and
 * returning its Guice module from {@link #design()}:
 *
 * <pre>{@code
 * class MyDesignContractTest extends VmmcContract {
 *   protected Module design() { return new MyDesignModule(); }
 * }
 * }</pre>
 *
 * <p>Tests that need an optional {@link NicFeature} skip, with the reason, on designs without
 * it; tests of what a design without a feature must do skip on designs that have it. The
 * automatic-update section ({@link AutomaticUpdateContract}) runs as the nested class
 * {@code AutomaticUpdate}: its tests of the binding run on designs with
 * {@link NicFeature#AUTOMATIC_UPDATE}, and on the others one test checks that the binding is
 * refused, naming the design and the feature. Override {@link #machine} to run the whole suite
 * with other parameters or overrides.
 */
public abstract class VmmcContract extends DesignContract {

  /** The automatic-update section, on the machines of the enclosing suite. */
  @Nested
  class AutomaticUpdate extends AutomaticUpdateContract {
    @Override
    protected Module design() {
      return VmmcContract.this.design();
    }

    @Override
    protected Multicomputer.Builder machine(int width, int height, long seed) {
      return VmmcContract.this.machine(width, height, seed);
    }
  }

  /** Runs {@code action} in a sender against a 64-byte INBOX on node 0; returns what it threw. */
  protected final List<Throwable> attempt(ImportPolicy policy, SenderProgram action) {
    List<Throwable> errors = new ArrayList<>();
    pair(11, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, 0, 64, INBOX, policy, null);
      p.sleep(SimDuration.ofMillis(20));
    }, (p, rx) -> {
      try {
        action.run(p, rx);
      } catch (RuntimeException e) {
        errors.add(e);
      }
    });
    return errors;
  }

  private static void awaitWord(VmmcProcess p, UserMemory region, int offset, int value) {
    p.awaitWord(region, offset, word -> word == value);
  }

  private static byte[] pattern(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  private static void assertRefused(List<Throwable> errors, Reason reason) {
    assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void assertMisuse(List<Throwable> errors, String message) {
    assertThat(errors).singleElement().satisfies(e -> assertThat(e)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
  }

  // ---- Data reaches the right bytes of the right buffer.

  @Test
  void manyRandomMessagesLeaveTheBufferAsIfAppliedInOrder() {
    int bufferBytes = 4 * PAGE;
    int messages = 60;
    java.util.SplittableRandom random = new java.util.SplittableRandom(2024);
    int[][] plan = new int[messages][3];
    byte[] expected = new byte[bufferBytes];
    byte[] source = new byte[bufferBytes];
    random.nextBytes(source);
    for (int[] m : plan) {
      int length = 4 * (1 + random.nextInt(PAGE / 2));
      m[0] = 4 * random.nextInt((bufferBytes - length) / 4 + 1);   // source offset
      m[1] = 4 * random.nextInt((bufferBytes - 4 - length) / 4 + 1); // destination offset
      m[2] = length;
      System.arraycopy(source, m[0], expected, m[1], length);
    }
    byte[][] received = new byte[1][];
    pair(21, p -> {
      UserMemory inbox = p.allocate(bufferBytes);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, bufferBytes - 4, messages);
      received[0] = inbox.getBytes(0, bufferBytes - 4);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(bufferBytes + PAGE);
      src.putBytes(0, source);
      for (int[] m : plan) {
        p.vmmc().send(src, m[0], dst, m[1], m[2]);
      }
      src.putInt(bufferBytes, messages);
      p.vmmc().send(src, bufferBytes, dst, bufferBytes - 4, 4);
    });
    assertThat(received[0]).isEqualTo(Arrays.copyOf(expected, bufferBytes - 4));
  }

  @Test
  void aWordLandsAtTheOffsetNamedAndNowhereElse() {
    int[] seen = new int[3];
    RunResult result = pair(1, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, 8, 0xCAFE);
      seen[0] = inbox.getInt(8);
      seen[1] = inbox.getInt(4);
      seen[2] = inbox.getInt(12);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 0xCAFE);
      src.putInt(4, 0xBAD);
      p.vmmc().send(src, 0, dst, 8, 4);
    });
    assertThat(seen).containsExactly(0xCAFE, 0, 0);
    assertThat(result.counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
  }

  @Test
  void aMultiPageMessageFromAnUnalignedSourceArrivesExactly() {
    int length = 3 * PAGE + 1000;
    byte[] message = pattern(length, 7);
    byte[][] received = new byte[1][];
    try (Multicomputer mc = machine(2, 2, 2).build()) {
      VmmcProcess rx = mc.node(3).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(5 * PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        int last = 100 + length - 4;
        // Test and wait in one step, so a word landing between them is not missed.
        p.awaitWord(inbox, last, word -> word != 0);
        received[0] = inbox.getBytes(100, length);
      });
      mc.node(0).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(length + 512);
        src.putBytes(12, message);
        p.vmmc().send(src, 12, dst, 100, length);
      });
      mc.run();
    }
    assertThat(received[0]).isEqualTo(message);
  }

  @Test
  void aBufferThatStartsInsideAPageGetsItsFirstAndLastWordAndNothingAround() {
    byte[][] page = new byte[1][];
    pair(3, p -> {
      UserMemory region = p.allocate(PAGE);
      p.vmmc().export(region, 200, 512, INBOX, ImportPolicy.anyone(), null);
      awaitWord(p, region, 200 + 508, 2);
      page[0] = region.getBytes(0, PAGE);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 1);
      src.putInt(4, 2);
      p.vmmc().send(src, 0, dst, 0, 4);
      p.vmmc().send(src, 4, dst, 508, 4);
    });
    byte[] expected = new byte[PAGE];
    expected[200] = 1;
    expected[708] = 2;
    assertThat(page[0]).isEqualTo(expected);
  }

  @Test
  void aMessageCrossingThePagesOfABufferThatStartsInsideAPageLandsContiguously() {
    // Buffer bytes 3000 to 7999 are the region's bytes 4000 to 8999: across two page ends.
    int length = 5000;
    byte[] message = pattern(length, 9);
    byte[][] region = new byte[1][];
    pair(27, p -> {
      UserMemory memory = p.allocate(3 * PAGE);
      p.vmmc().export(memory, 1000, 2 * PAGE, INBOX, ImportPolicy.anyone(), null);
      int last = 1000 + 3000 + length - 4;
      // Test and wait in one step, so a word landing between them is not missed.
      p.awaitWord(memory, last, word -> word != 0);
      region[0] = memory.getBytes(0, 3 * PAGE);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(2 * PAGE);
      src.putBytes(0, message);
      p.vmmc().send(src, 0, dst, 3000, length);
    });
    assertThat(Arrays.copyOfRange(region[0], 4000, 4000 + length)).isEqualTo(message);
    assertThat(Arrays.copyOfRange(region[0], 0, 4000)).containsOnly(0);
    assertThat(Arrays.copyOfRange(region[0], 4000 + length, 3 * PAGE)).containsOnly(0);
  }

  @Test
  void anAsynchronousImportAnswersLaterAndThenSends() {
    boolean[] doneAtOnce = {true};
    int[] value = new int[1];
    pair(28, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, 0, 3);
      value[0] = inbox.getInt(0);
    }, (p, rx) -> {
      ImportRequest request = p.vmmc().importBufferAsync(rx, INBOX);
      doneAtOnce[0] = request.isDone();
      ImportedBuffer dst = request.await();
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 3);
      p.vmmc().send(src, 0, dst, 0, 4);
    });
    assertThat(doneAtOnce[0]).isFalse();
    assertThat(value[0]).isEqualTo(3);
  }

  @Test
  void sendingToEveryWordNeverTouchesTheRestOfTheExportedPage() {
    byte[][] page = new byte[1][];
    pair(4, p -> {
      UserMemory region = p.allocate(PAGE);
      p.vmmc().export(region, 64, 64, INBOX, ImportPolicy.anyone(), null);
      awaitWord(p, region, 64 + 60, 16);
      page[0] = region.getBytes(0, PAGE);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      for (int w = 0; w < 16; w++) {
        src.putInt(4 * w, w + 1);
      }
      for (int w = 0; w < 16; w++) {
        p.vmmc().send(src, 4 * w, dst, 4 * w, 4);
      }
    });
    assertThat(Arrays.copyOfRange(page[0], 0, 64)).containsOnly(0);
    assertThat(Arrays.copyOfRange(page[0], 128, PAGE)).containsOnly(0);
    assertThat(page[0][64]).isEqualTo((byte) 1);
  }

  @Test
  void fifteenSendersEachFillTheirOwnSlotsInOrder() {
    int rounds = 5;
    int[][] slots = new int[16][rounds];
    try (Multicomputer mc = machine(4, 4, 3).build()) {
      VmmcProcess rx = mc.node(0).spawn("collector", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        for (int n = 1; n < 16; n++) {
          // Tests and waits in one step: a word landing between a read and a wait is not missed.
          p.awaitWord(inbox, n * 64 + 4 * (rounds - 1), word -> word != 0);
        }
        for (int n = 1; n < 16; n++) {
          for (int r = 0; r < rounds; r++) {
            slots[n][r] = inbox.getInt(n * 64 + 4 * r);
          }
        }
      });
      for (int n = 1; n < 16; n++) {
        int node = n;
        mc.node(n).spawn("sender" + n, p -> {
          ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
          UserMemory src = p.allocate(PAGE);
          for (int r = 0; r < rounds; r++) {
            src.putInt(4 * r, node * 100 + r + 1);
            p.vmmc().send(src, 4 * r, dst, node * 64 + 4 * r, 4);
          }
        });
      }
      mc.run();
    }
    for (int n = 1; n < 16; n++) {
      for (int r = 0; r < rounds; r++) {
        assertThat(slots[n][r]).as("node %s round %s", n, r).isEqualTo(n * 100 + r + 1);
      }
    }
  }

  @Test
  void deterministicForASeed() {
    assertThat(pingPong(7)).isEqualTo(pingPong(7));
  }

  private RunResult pingPong(long seed) {
    return pair(seed, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      p.awaitChange(inbox, 0, 4);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(2 * PAGE);
      src.putInt(0, 1);
      p.vmmc().send(src, 0, dst, 0, PAGE);
    });
  }

  // ---- Messages from one sender to one receiver arrive in the order they were sent.

  @Test
  void repeatedSendsToOneWordAreSeenInIncreasingOrder() {
    int count = 20;
    List<Integer> seen = new ArrayList<>();
    pair(5, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      int last = 0;
      while (last != count) {
        p.awaitChange(inbox, 0, 4);
        last = inbox.getInt(0);
        seen.add(last);
      }
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      for (int k = 1; k <= count; k++) {
        src.putInt(4 * k, k);
        p.vmmc().send(src, 4 * k, dst, 0, 4);
      }
    });
    assertThat(seen).isSorted().doesNotHaveDuplicates().endsWith(count);
  }

  @Test
  void dataSentBeforeAFlagIsInPlaceWhenTheFlagIsSeen() {
    int rounds = 3;
    int length = 2 * PAGE;
    List<byte[]> seen = new ArrayList<>();
    pair(6, p -> {
      UserMemory inbox = p.allocate(3 * PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      for (int r = 1; r <= rounds; r++) {
        awaitWord(p, inbox, length, r);
        seen.add(inbox.getBytes(0, length));
      }
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(3 * PAGE);
      for (int r = 1; r <= rounds; r++) {
        src.putBytes(0, pattern(length, r));
        src.putInt(length, r);
        p.vmmc().send(src, 0, dst, 0, length);
        p.vmmc().send(src, length, dst, length, 4);
        // Do not overwrite data the receiver has not read yet.
        p.sleep(SimDuration.ofMillis(2));
      }
    });
    assertThat(seen).hasSize(rounds);
    for (int r = 1; r <= rounds; r++) {
      assertThat(seen.get(r - 1)).as("round %s", r).isEqualTo(pattern(length, r));
    }
  }

  // ---- A send returns once its data has left the sender's memory, with or without the kernel.

  @Test
  void theSourceMayBeReusedAsSoonAsSendReturns() {
    byte[][] received = new byte[1][];
    pair(8, p -> {
      UserMemory inbox = p.allocate(2 * PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, PAGE, 1);
      received[0] = inbox.getBytes(0, PAGE);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(2 * PAGE);
      src.putBytes(0, pattern(PAGE, 1));
      p.vmmc().send(src, 0, dst, 0, PAGE);
      src.putBytes(0, pattern(PAGE, 2));
      src.putInt(PAGE, 1);
      p.vmmc().send(src, PAGE, dst, PAGE, 4);
    });
    assertThat(received[0]).isEqualTo(pattern(PAGE, 1));
  }

  @Test
  void aUserLevelSendMakesNoSystemCall() {
    assumeTrue(nicDesign().has(NicFeature.USER_LEVEL_SEND),
        "the design has no USER_LEVEL_SEND: its sends trap into the kernel");
    assertThat(systemCallsForThreeSends()).isZero();
  }

  @Test
  void withoutUserLevelSendEverySendIsOneSystemCall() {
    assumeFalse(nicDesign().has(NicFeature.USER_LEVEL_SEND),
        "the design has USER_LEVEL_SEND: its sends make no system call");
    assertThat(systemCallsForThreeSends()).isEqualTo(3);
  }

  private long systemCallsForThreeSends() {
    long[] calls = {-1};
    pair(9, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, 8, 3);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(2 * PAGE);
      src.putInt(0, 1);
      src.putInt(PAGE + 4, 2);
      src.putInt(8, 3);
      long before = p.systemCalls();
      p.vmmc().send(src, 0, dst, 0, 4);
      p.vmmc().send(src, PAGE + 4, dst, 4, 4);
      p.vmmc().send(src, 8, dst, 8, 4);
      calls[0] = p.systemCalls() - before;
    });
    return calls[0];
  }

  @Test
  void everyNodeHasTheInstalledDesign() {
    try (Multicomputer mc = machine(2, 2, 0).build()) {
      assertThat(mc.nodes()).allSatisfy(
          n -> assertThat(n.design().name()).isEqualTo(nicDesign().name()));
    }
  }

  // ---- Notifications: one per notifying message, after its data, with VMMC's blocking rules.

  @Test
  void aHandlerRunsOncePerNotifyingMessageAfterItsData() {
    List<String> events = new ArrayList<>();
    pair(10, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> events.add("offset "
          + n.offset() + " length " + n.length() + " value " + inbox.getInt(n.offset())));
      awaitWord(p, inbox, 12, 1);
      p.sleep(SimDuration.ofMicros(200));
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 11);
      src.putInt(4, 22);
      src.putInt(8, 33);
      src.putInt(12, 1);
      p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      p.vmmc().send(src, 4, dst, 4, 4);
      p.vmmc().sendWithNotify(src, 8, dst, 8, 4);
      p.vmmc().send(src, 12, dst, 12, 4);
    });
    assertThat(events).containsExactly("offset 0 length 4 value 11",
        "offset 8 length 4 value 33");
  }

  @Test
  void aMultiPageMessageNotifiesOnceWithAllItsDataInPlace() {
    int length = 2 * PAGE + 512;
    byte[] message = pattern(length, 3);
    List<byte[]> seen = new ArrayList<>();
    pair(12, p -> {
      UserMemory inbox = p.allocate(3 * PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(),
          n -> seen.add(inbox.getBytes(0, length)));
      p.sleep(SimDuration.ofMillis(5));
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(3 * PAGE);
      src.putBytes(0, message);
      p.vmmc().sendWithNotify(src, 0, dst, 0, length);
    });
    assertThat(seen).singleElement().isEqualTo(message);
  }

  @Test
  void aBufferWithoutAHandlerTakesNotifyingMessagesWithNoInterrupt() {
    int[] value = new int[1];
    RunResult result = pair(13, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      awaitWord(p, inbox, 0, 5);
      value[0] = inbox.getInt(0);
      p.sleep(SimDuration.ofMicros(200));
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 5);
      p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
    });
    assertThat(value[0]).isEqualTo(5);
    assertThat(result.counter(NodeId.of(0), KernelCounter.INTERRUPTS)).isZero();
  }

  @Test
  void blockedNotificationsQueueAndRunWhenTheLastBlockIsUndone() {
    List<String> log = new ArrayList<>();
    pair(14, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().blockNotifications();
      p.vmmc().blockNotifications();
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> log.add("note " + n.offset()));
      awaitWord(p, inbox, 4, 6);
      p.sleep(SimDuration.ofMicros(200));
      log.add("unblock 1");
      p.vmmc().unblockNotifications();
      p.sleep(SimDuration.ofMicros(200));
      log.add("unblock 2");
      p.vmmc().unblockNotifications();
      p.sleep(SimDuration.ofMicros(200));
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 5);
      src.putInt(4, 6);
      p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      p.vmmc().sendWithNotify(src, 4, dst, 4, 4);
    });
    assertThat(log).containsExactly("unblock 1", "unblock 2", "note 0", "note 4");
  }

  @Test
  void aRunningHandlerHasNotificationsBlocked() {
    List<String> log = new ArrayList<>();
    pair(15, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
        log.add("start " + n.offset());
        p.sleep(SimDuration.ofMillis(1));
        log.add("end " + n.offset());
      });
      p.sleep(SimDuration.ofMillis(5));
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      p.vmmc().sendWithNotify(src, 4, dst, 4, 4);
    });
    assertThat(log).containsExactly("start 0", "end 0", "start 4", "end 4");
  }

  @Test
  void insideAHandlerUnblockMayOnlyUndoTheHandlersOwnBlock() {
    try (Multicomputer mc = machine(2, 1, 16).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
          p.vmmc().blockNotifications();
          p.vmmc().unblockNotifications();
          p.vmmc().unblockNotifications();
        });
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        p.vmmc().sendWithNotify(p.allocate(PAGE), 0, dst, 0, 4);
      });
      assertThatThrownBy(mc::run).isInstanceOf(ProcessFailedException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause().hasMessageContaining("inside a notification handler");
    }
  }

  @Test
  void unblockWithoutABlockIsMisuse() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(),
        (p, rx) -> p.vmmc().unblockNotifications());
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
  }

  // ---- No process can write a page its owner did not export to it, nor use another's import.

  @Test
  void importWithoutPermissionIsRefused() {
    assertRefused(attempt(ImportPolicy.processes(ProcessId.of(0, 5)),
        (p, rx) -> p.vmmc().importBuffer(rx, INBOX)), Reason.PERMISSION_DENIED);
  }

  @Test
  void importByAListedProcessSucceeds() {
    List<Throwable> errors = attempt(ImportPolicy.processes(ProcessId.of(1, 0)),
        (p, rx) -> p.vmmc().importBuffer(rx, INBOX));
    assertThat(errors).isEmpty();
  }

  @Test
  void importOfAnUnknownBufferIsRefused() {
    assertRefused(attempt(ImportPolicy.anyone(),
        (p, rx) -> p.vmmc().importBuffer(rx, BufferId.of(99))), Reason.NO_SUCH_EXPORT);
  }

  @Test
  void importFromAProcessThatDoesNotExistIsRefused() {
    assertRefused(attempt(ImportPolicy.anyone(),
        (p, rx) -> p.vmmc().importBuffer(ProcessId.of(0, 42), INBOX)), Reason.NO_SUCH_PROCESS);
  }

  @Test
  void aForgedProxyAddressFaults() {
    List<Throwable> errors = new ArrayList<>();
    attempt(ImportPolicy.anyone(), (p, rx) -> {
      p.vmmc().importBuffer(rx, INBOX);
      VirtualAddress beyondEveryImport = VirtualAddress.of(VirtualLayout.PROXY_BASE + 0x100_0000L);
      try {
        p.storeWord(beyondEveryImport, 4);
      } catch (PageFaultException e) {
        errors.add(e);
      }
      try {
        p.loadWord(beyondEveryImport);
      } catch (PageFaultException e) {
        errors.add(e);
      }
    });
    assertThat(errors).hasSize(2);
  }

  @Test
  void anAliasOfMemoryTheProcessNeverAllocatedFaults() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      p.vmmc().importBuffer(rx, INBOX);
      p.loadWord(VirtualAddress.of(VirtualLayout.USER_BASE + 0x100_0000L
          + VirtualLayout.ALIAS_OFFSET));
    });
    assertThat(errors).singleElement().isInstanceOf(PageFaultException.class);
  }

  @Test
  void sendAfterUnexportIsRevokedAndNeverReachesReusedMemory() {
    List<Throwable> errors = new ArrayList<>();
    int[] reusedWord = {-1};
    pair(17, p -> {
      UserMemory inbox = p.allocate(PAGE);
      ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
      p.awaitChange(inbox, 0, 4);
      p.vmmc().unexport(exported);
      p.free(inbox);
      UserMemory reused = p.allocate(PAGE);
      p.vmmc().export(reused, BufferId.of(8), ImportPolicy.anyone());
      p.sleep(SimDuration.ofMillis(5));
      reusedWord[0] = reused.getInt(0);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 1);
      p.vmmc().send(src, 0, dst, 0, 4);
      p.sleep(SimDuration.ofMillis(3));
      src.putInt(0, 2);
      try {
        p.vmmc().send(src, 0, dst, 0, 4);
      } catch (VmmcException e) {
        errors.add(e);
      }
    });
    assertRefused(errors, Reason.REVOKED);
    assertThat(reusedWord[0]).isZero();
  }

  @Test
  void anUnexportDuringALongSendLetsNothingLandAfterItReturns() {
    // Exporter and sender share one node's CPU in short slices, so the unexport runs at many
    // points of a four-page send, or of the sender's exit just after it, while its packets
    // are still on their way. The same memory is exported again at once: a packet of the old
    // import that came after the unexport returned would be taken there, not dropped.
    for (int delay = 0; delay <= 300; delay += 10) {
      int wait = delay;
      byte[][] memory = new byte[2][];
      try (Multicomputer mc = machine(1, 1, 40 + delay)
          .kernel(KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ofMicros(5)).build())
          .build()) {
        VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
          UserMemory inbox = p.allocate(4 * PAGE);
          ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
          awaitWord(p, inbox, 0, -1);
          p.sleep(SimDuration.ofMicros(wait));
          p.vmmc().unexport(exported);
          memory[0] = inbox.getBytes(0, inbox.length());
          p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
          p.sleep(SimDuration.ofMillis(5));
          memory[1] = inbox.getBytes(0, inbox.length());
        });
        mc.node(0).spawn("sender", p -> {
          ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
          UserMemory src = p.allocate(4 * PAGE);
          for (int offset = 0; offset < src.length(); offset += 4) {
            src.putInt(offset, -1);
          }
          p.vmmc().send(src, 0, dst, 0, 4);
          try {
            p.vmmc().send(src, 0, dst, 0, src.length());
          } catch (VmmcException e) {
            assertThat(e.reason()).isEqualTo(Reason.REVOKED);
          }
        });
        mc.run();
      }
      assertThat(memory[1]).as("unexport %s µs after the first word", delay)
          .isEqualTo(memory[0]);
    }
  }

  @Test
  void sendAfterUnimportIsRevoked() {
    assertRefused(attempt(ImportPolicy.anyone(), (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      p.vmmc().unimport(dst);
      p.vmmc().send(p.allocate(PAGE), 0, dst, 0, 4);
    }), Reason.REVOKED);
  }

  @Test
  void anImportOfAnotherProcessCannotBeUsed() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = machine(2, 1, 18).build()) {
      ImportedBuffer[] stolen = new ImportedBuffer[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("importer", p -> {
        stolen[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("thief", p -> {
        p.sleep(SimDuration.ofMillis(3));
        try {
          p.vmmc().send(p.allocate(PAGE), 0, stolen[0], 0, 4);
        } catch (IllegalArgumentException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    assertMisuse(errors, "was imported by");
  }

  @Test
  void memoryOfAnotherProcessCannotBeASource() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = machine(2, 1, 19).build()) {
      UserMemory[] foreign = new UserMemory[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("owner", p -> {
        foreign[0] = p.allocate(PAGE);
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        try {
          p.vmmc().send(foreign[0], 0, dst, 0, 4);
        } catch (IllegalArgumentException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    assertMisuse(errors, "is not memory of");
  }

  @Test
  void aPacketForAFrameNotEnabledIsDroppedCountedAndReported() {
    FaultInjection faults = new FaultInjection();
    try (Multicomputer mc = machine(2, 1, 20).overrideNodes(faults.module()).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        // Fault injection: the receiver's kernel turns every frame off behind VMMC's back.
        faults.disableReceiveOnEveryFrame(NodeId.of(0));
        p.vmmc().send(p.allocate(PAGE), 0, dst, 0, 4);
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(0), NicCounter.PACKETS_DROPPED)).isEqualTo(1);
      assertThat(result.counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isZero();
      assertThat(result.counter(NodeId.of(0), KernelCounter.DROPPED_PACKETS)).isEqualTo(1);
      assertThat(mc.inspector().dropReports(NodeId.of(0))).singleElement().asString()
          .contains("dropped 4 bytes from node 1");
    }
  }

  // ---- Unexport, unimport and exit undo what export and import set up.

  @Test
  void importersAreListedUntilTheyUnimport() {
    List<Set<ProcessId>> views = new ArrayList<>();
    ProcessId[] sender = new ProcessId[1];
    pair(21, p -> {
      ExportedBuffer exported = p.vmmc().export(p.allocate(PAGE), INBOX,
          ImportPolicy.anyone());
      views.add(p.vmmc().importers(exported));
      p.sleep(SimDuration.ofMillis(5));
      views.add(p.vmmc().importers(exported));
      p.sleep(SimDuration.ofMillis(10));
      views.add(p.vmmc().importers(exported));
    }, (p, rx) -> {
      sender[0] = p.id();
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      p.sleep(SimDuration.ofMillis(6));
      p.vmmc().unimport(dst);
      p.sleep(SimDuration.ofMillis(10));
    });
    assertThat(views).containsExactly(Set.of(), Set.of(sender[0]), Set.of());
  }

  @Test
  void anUnexportedIdCanBeExportedAgainAndReceives() {
    int[] value = new int[1];
    pair(22, p -> {
      UserMemory first = p.allocate(PAGE);
      p.vmmc().unexport(p.vmmc().export(first, INBOX, ImportPolicy.anyone()));
      UserMemory second = p.allocate(PAGE);
      p.vmmc().export(second, INBOX, ImportPolicy.anyone());
      awaitWord(p, second, 0, 9);
      value[0] = second.getInt(0);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 9);
      p.vmmc().send(src, 0, dst, 0, 4);
    });
    assertThat(value[0]).isEqualTo(9);
  }

  @Test
  void exitReleasesEveryFrameOnBothNodes() {
    try (Multicomputer mc = machine(2, 1, 23).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        awaitWord(p, inbox, PAGE, 1);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(2 * PAGE);
        src.putInt(PAGE, 1);
        p.vmmc().send(src, 0, dst, 0, PAGE + 4);
      });
      mc.run();
      assertThat(mc).hasNoFramesInUse();
    }
  }

  // ---- Teardown is safe against what runs while it waits, and loses nothing silently.

  /** Cycles of local work that run a process's clock far past the other side's next step. */
  private static final long RUN_AHEAD_CYCLES = 1_000_000;

  @Test
  void randomTeardownRacesNeverEndTheRunAndLeaveNothingBehind() {
    for (long seed = 0; seed < 25; seed++) {
      try (Multicomputer mc = machine(2, 2, seed).build()) {
        TeardownRaces.spawn(mc, seed);
        RunResult result = mc.run();
        long seedUsed = seed;
        assertThat(mc).as("seed %s", seedUsed).hasNoFramesInUse();
        assertThat(result.total(KernelCounter.AU_UNBINDINGS)).as("seed %s", seedUsed)
            .isEqualTo(result.total(KernelCounter.AU_BINDINGS));
      }
    }
  }

  @Test
  void aRevocationWhileTheImporterExitsEndsEachImportOnce() {
    boolean[] unexported = {false};
    try (Multicomputer mc = machine(2, 1, 27).build()) {
      VmmcProcess rx = mc.node(0).spawn("exporter", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        ExportedBuffer second =
            p.vmmc().export(p.allocate(PAGE), BufferId.of(2), ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(2));
        p.vmmc().unexport(second);
        unexported[0] = true;
        p.sleep(SimDuration.ofMillis(2));
      });
      mc.node(1).spawn("importer", p -> {
        p.vmmc().importBuffer(rx.id(), INBOX);
        p.vmmc().importBuffer(rx.id(), BufferId.of(2));
        // Local work runs the clock past the revocation: it arrives while exit undoes the
        // first import, before exit reaches the second.
        p.compute(RUN_AHEAD_CYCLES);
      });
      mc.run();
      assertThat(unexported[0]).isTrue();
      assertThat(mc).hasNoFramesInUse();
    }
  }

  @Test
  void freeingTheMemoryOfABufferBeingUnexportedWaitsForItsImporters() {
    ImportedBuffer[] imported = new ImportedBuffer[1];
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = machine(2, 1, 33).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        // The handler frees the buffer's memory while the main thread's unexport waits for
        // the importer's kernel.
        p.vmmc().export(p.allocate(PAGE), BufferId.of(2), ImportPolicy.anyone(), n -> {
          p.free(inbox);
          seen.add("freed; importer's mapping revoked: " + imported[0].isRevoked());
        });
        awaitWord(p, inbox, 0, 1);
        p.vmmc().unexport(exported);
        seen.add("unexported");
      });
      mc.node(1).spawn("sender", p -> {
        imported[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        ImportedBuffer poke = p.vmmc().importBuffer(rx.id(), BufferId.of(2));
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 1);
        p.vmmc().send(src, 0, imported[0], 0, 4);
        p.sleep(SimDuration.ofMicros(100));
        p.vmmc().sendWithNotify(src, 0, poke, 0, 4);
        p.sleep(SimDuration.ofMillis(2)); // its own exit would end the import too
      });
      mc.run();
    }
    // Both wait for the same withdrawal; which of the two carries on first does not matter.
    assertThat(seen).containsExactlyInAnyOrder("freed; importer's mapping revoked: true",
        "unexported");
  }

  @Test
  void aProcessExitsOnceItsRunningHandlerHasReturned() {
    List<String> seen = new ArrayList<>();
    try (Multicomputer mc = machine(2, 1, 28).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
          inbox.putInt(256, 1);
          // The handler polls a word nobody writes, and gives up after a while.
          boolean changed = p.awaitChange(inbox, 64, 4, SimDuration.ofMillis(1));
          seen.add("handler polled: changed " + changed + ", word 0 is " + inbox.getInt(0));
        });
        awaitWord(p, inbox, 256, 1);
        seen.add("main returns");
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 5);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      });
      mc.run();
      assertThat(mc.inspector()).hasFramesInUse(NodeId.of(0), 0);
    }
    assertThat(seen).containsExactly("main returns", "handler polled: changed false, word 0 is 5");
  }

  @Test
  void aHandlerThatNeverReturnsKeepsItsProcessFromExitingAndIsReported() {
    try (Multicomputer mc = machine(2, 1, 32).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
          inbox.putInt(256, 1);
          p.awaitChange(inbox, 64, 4); // nobody ever writes it
        });
        awaitWord(p, inbox, 256, 1);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 5);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      });
      assertThatThrownBy(mc::run).isInstanceOf(SimulationDeadlockException.class)
          .hasMessageContaining("receiver waits for the notification handler of receiver");
    }
  }

  @Test
  void notificationsStillQueuedAtExitAreCountedAndReported() {
    try (Multicomputer mc = machine(2, 1, 29).build()) {
      int[] handled = {0};
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> handled[0]++);
        p.vmmc().blockNotifications();
        awaitWord(p, inbox, 8, 3);
        p.sleep(SimDuration.ofMillis(1)); // the last arrival's interrupt has been handled
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        for (int i = 0; i < 3; i++) {
          src.putInt(4 * i, i + 1);
          p.vmmc().sendWithNotify(src, 4 * i, dst, 4 * i, 4);
        }
      });
      RunResult result = mc.run();
      assertThat(handled[0]).isZero();
      assertThat(result.counter(NodeId.of(0), KernelCounter.NOTIFICATIONS_DROPPED)).isEqualTo(3);
      assertThat(mc.inspector().dropReports(NodeId.of(0))).hasSize(3).allSatisfy(line ->
          assertThat(line).contains("notification for buffer 1").contains("exited"));
    }
  }

  @Test
  void buffersUnderDifferentPoliciesMayNotShareAPage() {
    List<Throwable> errors = new ArrayList<>();
    boolean[] sharedUnderOnePolicy = {false};
    pair(30, p -> {
      UserMemory region = p.allocate(3 * PAGE);
      ImportPolicy onlySelf = ImportPolicy.processes(p.id());
      p.vmmc().export(region, 0, 64, INBOX, ImportPolicy.anyone(), null);
      // An importer of INBOX reaches its whole page through its proxy page: no other policy
      // may hold a buffer there, nor on any page a buffer shares with it.
      for (int offset : new int[] {128, PAGE - 64}) {
        try {
          p.vmmc().export(region, offset, 128, BufferId.of(offset), onlySelf, null);
        } catch (VmmcException e) {
          errors.add(e);
        }
      }
      p.vmmc().export(region, 256, 64, BufferId.of(3), ImportPolicy.anyone(), null);
      p.vmmc().export(region, PAGE, 64, BufferId.of(4), onlySelf, null);
      p.vmmc().export(region, 2 * PAGE, 64, BufferId.of(5), ImportPolicy.processes(p.id()),
          null);
      sharedUnderOnePolicy[0] = true;
    }, (p, rx) -> { });
    assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(VmmcException.class,
            v -> assertThat(v.reason()).isEqualTo(Reason.OVERLAPPING_EXPORT))
        .hasMessageContaining("under another import policy"));
    assertThat(sharedUnderOnePolicy[0]).isTrue();
  }

  @Test
  void undoingAnExportOrAnImportTwiceDoesNothingMore() {
    List<Object> seen = new ArrayList<>();
    pair(31, p -> {
      ExportedBuffer first = p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
      p.sleep(SimDuration.ofMillis(2));
      p.vmmc().unexport(first);
      ExportedBuffer again = p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
      p.vmmc().unexport(first);
      seen.add(again.isUnexported());
      p.vmmc().unexport(again);
      p.vmmc().unexport(again);
      seen.add(again.isUnexported());
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      p.vmmc().unimport(dst);
      p.vmmc().unimport(dst);
      seen.add(dst.isRevoked());
    });
    assertThat(seen).containsExactlyInAnyOrder(false, true, true);
  }

  // ---- Misuse is refused with a message that names the value and the limit.

  private List<Throwable> badSend(int sourceOffset, int destOffset, int length) {
    return attempt(ImportPolicy.anyone(), (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      p.vmmc().send(p.allocate(PAGE), sourceOffset, dst, destOffset, length);
    });
  }

  @ParameterizedTest(name = "source offset {0}, destination offset {1}, {2} bytes: {3}")
  @CsvSource({
      "0, 60, 8, past the end of the 64-byte imported buffer",
      "2, 0, 4, not 4-byte aligned",
      "0, 2, 4, not a non-negative multiple of 4",
      "0, -4, 4, not a non-negative multiple of 4",
      "0, 0, 0, must be positive: 0 bytes",
      "0, 0, 6, message length 6 is not a whole number of 4-byte words",
      "4092, 0, 8, 8 bytes at offset 4092 reach outside the 4096-byte"})
  void aSendOutsideTheRulesIsRejectedNamingTheValueAndTheLimit(int sourceOffset, int destOffset,
      int length, String message) {
    assertMisuse(badSend(sourceOffset, destOffset, length), message);
  }

  @Test
  void aMisalignedExportIsRejected() {
    List<Throwable> errors = new ArrayList<>();
    pair(24, p -> {
      try {
        p.vmmc().export(p.allocate(PAGE), 2, 64, INBOX, ImportPolicy.anyone(), null);
      } catch (IllegalArgumentException e) {
        errors.add(e);
      }
    }, (p, rx) -> { });
    assertThat(errors).singleElement().asString().contains("receive buffer start");
  }

  @Test
  void aDuplicateBufferIdIsRefused() {
    List<Throwable> errors = new ArrayList<>();
    pair(25, p -> {
      p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
      try {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
      } catch (VmmcException e) {
        errors.add(e);
      }
    }, (p, rx) -> { });
    assertRefused(errors, Reason.DUPLICATE_BUFFER_ID);
  }

  @Test
  void anOverlappingExportIsRefused() {
    List<Throwable> errors = new ArrayList<>();
    pair(26, p -> {
      UserMemory region = p.allocate(PAGE);
      p.vmmc().export(region, 0, 128, INBOX, ImportPolicy.anyone(), null);
      try {
        p.vmmc().export(region, 64, 128, BufferId.of(2), ImportPolicy.anyone(), null);
      } catch (VmmcException e) {
        errors.add(e);
      }
    }, (p, rx) -> { });
    assertRefused(errors, Reason.OVERLAPPING_EXPORT);
  }

  // ---- An ablation puts back one cost on every design with the feature it needs.

  /** Like {@link #pair}, on a machine with {@code ablation} applied, or none if null. */
  private RunResult pairWith(Ablation ablation, long seed, ReceiverProgram receiver,
      SenderProgram sender) {
    Multicomputer.Builder builder = machine(2, 1, seed);
    if (ablation != null) {
      builder.ablation(ablation);
    }
    try (Multicomputer mc = builder.build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", receiver::run);
      mc.node(1).spawn("sender", p -> sender.run(p, rx.id()));
      return mc.run();
    }
  }

  /**
   * A plain word at offset 0 and a notifying flag word at offset 4 into a handler's buffer;
   * the handler records the offsets it was notified for.
   */
  private RunResult plainThenNotifying(Ablation ablation, List<Integer> notified,
      int[] received) {
    return pairWith(ablation, 31, p -> {
      UserMemory inbox = p.allocate(PAGE);
      p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> notified.add(n.offset()));
      awaitWord(p, inbox, 4, 2);
      p.sleep(SimDuration.ofMicros(200));
      received[0] = inbox.getInt(0);
      received[1] = inbox.getInt(4);
    }, (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(PAGE);
      src.putInt(0, 1);
      src.putInt(4, 2);
      p.vmmc().send(src, 0, dst, 0, 4);
      p.vmmc().sendWithNotify(src, 4, dst, 4, 4);
    });
  }

  @Test
  void aSystemCallPerSendMakesEverySendOneSystemCall() {
    assumeTrue(nicDesign().has(NicFeature.USER_LEVEL_SEND),
        "a system call per send applies only to designs with user-level sends");
    int[] plainWords = new int[2];
    int[] trappedWords = new int[2];
    List<Integer> plainNotified = new ArrayList<>();
    List<Integer> trappedNotified = new ArrayList<>();
    RunResult plain = plainThenNotifying(null, plainNotified, plainWords);
    RunResult trapped = plainThenNotifying(Ablation.SYSTEM_CALL_PER_SEND, trappedNotified,
        trappedWords);

    assertThat(trapped.counter(NodeId.of(1), SystemCall.SEND)
        - plain.counter(NodeId.of(1), SystemCall.SEND)).isEqualTo(2);
    assertThat(trapped.counter(NodeId.of(0), KernelCounter.INTERRUPTS))
        .isEqualTo(plain.counter(NodeId.of(0), KernelCounter.INTERRUPTS));
    assertThat(trappedWords).containsExactly(1, 2).isEqualTo(plainWords);
    assertThat(trappedNotified).containsExactly(4).isEqualTo(plainNotified);
  }

  @Test
  void anInterruptPerArrivalInterruptsForEveryPacketAndNotifiesOnlyWhenAsked() {
    assumeTrue(nicDesign().has(NicFeature.POLLED_RECEIVE),
        "an interrupt per arrival applies only to designs with polled receive");
    int[] plainWords = new int[2];
    int[] interruptedWords = new int[2];
    List<Integer> plainNotified = new ArrayList<>();
    List<Integer> interruptedNotified = new ArrayList<>();
    RunResult plain = plainThenNotifying(null, plainNotified, plainWords);
    RunResult interrupted = plainThenNotifying(Ablation.INTERRUPT_PER_ARRIVAL,
        interruptedNotified, interruptedWords);

    // Polled receive: only the notifying word interrupts; under the ablation every packet
    // but the notifying one adds an interrupt, and no notification.
    assertThat(plain.counter(NodeId.of(0), KernelCounter.INTERRUPTS)).isEqualTo(1);
    assertThat(interrupted.counter(NodeId.of(0), KernelCounter.INTERRUPTS))
        .isEqualTo(interrupted.counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED));
    assertThat(interrupted.counter(NodeId.of(1), KernelCounter.SYSCALLS))
        .isEqualTo(plain.counter(NodeId.of(1), KernelCounter.SYSCALLS));
    assertThat(interruptedWords).containsExactly(1, 2).isEqualTo(plainWords);
    assertThat(interruptedNotified).containsExactly(4).isEqualTo(plainNotified);
  }

  @Test
  void anAblationForAFeatureTheDesignLacksIsRefusedNamingBoth() {
    List<Ablation> inapplicable = Ablation.ALL.stream()
        .filter(a -> !a.appliesTo(nicDesign())).toList();
    assumeFalse(inapplicable.isEmpty(), "every ablation applies to " + nicDesign().name());
    for (Ablation a : inapplicable) {
      assertThatThrownBy(() -> machine(2, 1, 32).ablation(a).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(a.name())
          .hasMessageContaining(a.requires().name())
          .hasMessageContaining(nicDesign().name());
    }
  }
}
