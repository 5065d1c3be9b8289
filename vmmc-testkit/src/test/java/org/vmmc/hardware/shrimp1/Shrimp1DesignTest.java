package org.vmmc.hardware.shrimp1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.CpuCounter;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/** What SHRIMP-I does differently from the other designs, seen through the user library. */
class Shrimp1DesignTest {
  private static final BufferId INBOX = BufferId.of(1);

  @Test
  void everySendIsStagedThroughTheSendPagesAndStartedByOneCompareAndExchangePerPage() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module()).mesh(2, 1)
        .seed(1).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(3 * 4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(3 * 4096);
        p.vmmc().send(src, 0, dst, 0, 4);
        p.vmmc().send(src, 0, dst, 4000, 200);
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(1), Shrimp1Counter.STAGED_BYTES)).isEqualTo(204);
      // The second message crosses a page of the buffer: two pieces, two packets.
      assertThat(result.counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(3);
      assertThat(result.counter(NodeId.of(1), CpuCounter.DEVICE_REFERENCES)).isEqualTo(3);
    }
  }

  @Test
  void sendPagesAreGivenBackSoImportsBeyondThePoolSizeSucceedOverTime() {
    Shrimp1Parameters twoPages = Shrimp1Parameters.DEFAULTS.toBuilder().sendPages(2).build();
    List<Throwable> errors = new ArrayList<>();
    int[] values = new int[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module(twoPages))
        .mesh(2, 1).seed(2).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * 4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(20));
        values[0] = inbox.getInt(4096);
      });
      mc.node(1).spawn("sender", p -> {
        UserMemory src = p.allocate(4096);
        for (int round = 1; round <= 3; round++) {
          ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
          src.putInt(0, round);
          p.vmmc().send(src, 0, dst, 4096, 4);
          p.vmmc().unimport(dst);
        }
        try {
          ImportedBuffer first = p.vmmc().importBuffer(rx.id(), INBOX);
          p.vmmc().importBuffer(rx.id(), INBOX);
          p.vmmc().unimport(first);
        } catch (VmmcException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    assertThat(values[0]).isEqualTo(3);
    assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.OUT_OF_MEMORY));
  }
}
