package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.VirtualLayout;

class ProtectionTest {
  private static final BufferId INBOX = BufferId.of(7);

  /** Runs {@code action} in a sender on node 1 against a receiver on node 0; returns errors. */
  private static List<Throwable> attempt(ImportPolicy policy, SenderAction action) {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(11).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, 0, 64, INBOX, policy, null);
        p.sleep(SimDuration.ofMillis(20));
      });
      mc.node(1).spawn("sender", p -> {
        try {
          action.run(p, rx.id());
        } catch (RuntimeException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    return errors;
  }

  private interface SenderAction {
    void run(VmmcProcess p, ProcessId receiver);
  }

  @Test
  void importWithoutPermissionIsRefused() {
    List<Throwable> errors = attempt(ImportPolicy.processes(ProcessId.of(0, 5)),
        (p, rx) -> p.vmmc().importBuffer(rx, INBOX));
    assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.PERMISSION_DENIED));
  }

  @Test
  void importOfAnUnknownBufferIsRefused() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(),
        (p, rx) -> p.vmmc().importBuffer(rx, BufferId.of(99)));
    assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.NO_SUCH_EXPORT));
  }

  @Test
  void sendPastTheEndOfTheImportedBufferIsRejected() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(4096);
      p.vmmc().send(src, 0, dst, 60, 8);
    });
    assertThat(errors).singleElement().satisfies(e -> assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past the end of the 64-byte imported buffer"));
  }

  @Test
  void misalignedSendIsRejected() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      UserMemory src = p.allocate(4096);
      p.vmmc().send(src, 2, dst, 0, 4);
    });
    assertThat(errors).singleElement().satisfies(e -> assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 4-byte aligned"));
  }

  @Test
  void aForgedDestinationProxyFaults() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      p.vmmc().importBuffer(rx, INBOX);
      // One page past the only proxy page the kernel mapped.
      p.storeWord(VirtualAddress.of(VirtualLayout.PROXY_BASE + 4096), 4);
    });
    assertThat(errors).singleElement().isInstanceOf(PageFaultException.class);
  }

  @Test
  void aForgedSourceProxyCannotMakeTheInterfaceReadForeignMemory() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      p.vmmc().importBuffer(rx, INBOX);
      p.storeWord(VirtualAddress.of(VirtualLayout.PROXY_BASE), 4);
      // A source proxy for memory this process never allocated.
      p.loadWord(VirtualAddress.of(VirtualLayout.USER_BASE + 0x100_0000L
          + VirtualLayout.ALIAS_OFFSET));
    });
    assertThat(errors).singleElement().isInstanceOf(PageFaultException.class);
  }

  @Test
  void sendAfterUnexportIsRevokedAndNeverReachesReusedMemory() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(12).build()) {
      List<Throwable> errors = new ArrayList<>();
      int[] reusedWord = {-1};
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitChange(inbox, 0, 4);
        p.vmmc().unexport(exported);
        p.free(inbox);
        UserMemory reused = p.allocate(4096);
        p.vmmc().export(reused, BufferId.of(8), ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
        reusedWord[0] = reused.getInt(0);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
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
      mc.run();
      assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
          e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.REVOKED));
      assertThat(reusedWord[0]).isZero();
    }
  }

  @Test
  void sendAfterUnimportIsRevoked() {
    List<Throwable> errors = attempt(ImportPolicy.anyone(), (p, rx) -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx, INBOX);
      p.vmmc().unimport(dst);
      p.vmmc().send(p.allocate(4096), 0, dst, 0, 4);
    });
    assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.REVOKED));
  }

  @Test
  void anotherProcessesImportCannotBeUsed() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(13).build()) {
      ImportedBuffer[] stolen = new ImportedBuffer[1];
      List<Throwable> errors = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("importer", p -> {
        stolen[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("thief", p -> {
        p.sleep(SimDuration.ofMillis(3));
        try {
          p.vmmc().send(p.allocate(4096), 0, stolen[0], 0, 4);
        } catch (IllegalArgumentException e) {
          errors.add(e);
        }
      });
      mc.run();
      assertThat(errors).singleElement().satisfies(
          e -> assertThat(e).hasMessageContaining("was imported by"));
    }
  }

  @Test
  void aPacketForADisabledFrameIsDroppedCountedAndReported() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(14).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        // Fault injection: the receiver's kernel turns the frame off behind VMMC's back.
        long frames = mc.node(0).kernel().memory().frameCount();
        NicDriver driver = mc.node(0).instance(NicDriver.class);
        for (long f = 0; f < frames; f++) {
          driver.disableReceive(new FrameNumber(f));
        }
        p.vmmc().send(p.allocate(4096), 0, dst, 0, 4);
      });
      RunResult result = mc.run();
      assertThat(result.counter("node0.nic.packets-dropped")).isEqualTo(1);
      assertThat(result.counter("node0.kernel.dropped-packets")).isEqualTo(1);
      assertThat(mc.node(0).kernel().dropReports()).singleElement().asString()
          .contains("dropped 4 bytes from node 1");
    }
  }
}
