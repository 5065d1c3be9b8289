package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * Stores held in an open combining packet when the binding is torn down never vanish: the
 * packet is flushed before the teardown's barrier, and arrives, or is refused at the
 * destination and counted. Every stored word is accounted for.
 */
class OpenPacketAtTeardownTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;
  private static final int WORDS = 3;

  /** How the binding ends while its packet is open. */
  enum Teardown { UNEXPORT, UNIMPORT, EXIT }

  @ParameterizedTest
  @EnumSource(Teardown.class)
  void storesOfAnOpenBlockWritePacketAreSentOrCountedAtTeardown(Teardown teardown) {
    int[] delivered = {0};
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .seed(21).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        ExportedBuffer b = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(2));
        if (teardown == Teardown.UNEXPORT) {
          p.vmmc().unexport(b);
        }
        p.sleep(SimDuration.ofMillis(2));
        for (int i = 0; i < WORDS; i++) {
          delivered[0] += inbox.getInt(4 * i) == i + 1 ? 1 : 0;
        }
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(out, dst, 0, CombiningMode.BLOCK_WRITE, false);
        for (int i = 0; i < WORDS; i++) {
          out.putInt(4 * i, i + 1);
        }
        // The packet stays open: BLOCK_WRITE waits for whatever closes it next.
        if (teardown == Teardown.UNIMPORT) {
          p.vmmc().unimport(dst);
        } else if (teardown == Teardown.UNEXPORT) {
          p.sleep(SimDuration.ofMillis(3));
        }
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(WORDS);
      long dropped = result.counter(NodeId.of(0), NicCounter.PACKETS_DROPPED);
      // The unexport disables the frames before it revokes: the flushed packet is refused there.
      assertThat(teardown == Teardown.UNEXPORT ? dropped : delivered[0])
          .isEqualTo(teardown == Teardown.UNEXPORT ? 1 : WORDS);
      assertThat(result.counter(NodeId.of(1), NicCounter.DRAIN_ACKS_RECEIVED)).isEqualTo(1);
      assertThat(result.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS_INJECTED)).isEqualTo(WORDS);
    }
  }

  @Test
  void storesHeldInAnOpenPacketAreReportedUntilTheyLeave() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .seed(22).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(PAGE);
        p.vmmc().bindAutomaticUpdate(out, dst, 0, CombiningMode.BLOCK_WRITE, false);
        for (int i = 0; i < WORDS; i++) {
          out.putInt(4 * i, i + 1);
        }
        p.sleep(SimDuration.ofMillis(5));
      });
      RunResult midway = mc.runUntil(SimTime.after(SimDuration.ofMillis(3)));
      assertThat(midway.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)
          - midway.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS_INJECTED)).isEqualTo(WORDS);
      RunResult end = mc.run();
      assertThat(end.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)
          - end.counter(NodeId.of(1), Shrimp2Counter.AU_WORDS_INJECTED)).isZero();
    }
  }
}
