package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.ProcessFailedException;

class DeliberateUpdateTest {
  private static final BufferId INBOX = BufferId.of(1);

  @Test
  void wordArrivesAtTheRightOffsetWithNoSystemCallOnTheSendPath() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(1).build()) {
      int[] seen = new int[2];
      long[] syscallsDuringSend = {-1};
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitChange(inbox, 8, 4);
        seen[0] = inbox.getInt(8);
        seen[1] = inbox.getInt(4);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        src.putInt(0, 0xCAFE);
        long before = p.systemCalls();
        p.vmmc().send(src, 0, dst, 8, 4);
        syscallsDuringSend[0] = p.systemCalls() - before;
      });
      RunResult result = mc.run();
      assertThat(seen).containsExactly(0xCAFE, 0);
      assertThat(syscallsDuringSend[0]).isZero();
      assertThat(result.total("nic.packets-received")).isEqualTo(1);
    }
  }

  @Test
  void largeMessageCrossingPagesArrivesExactly() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 2).seed(2).build()) {
      int length = 3 * 4096 + 1000;
      byte[] message = new byte[length];
      for (int i = 0; i < length; i++) {
        message[i] = (byte) (i * 31 + 7);
      }
      byte[][] received = new byte[1][];
      VmmcProcess rx = mc.node(3).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(5 * 4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitChange(inbox, 100 + length - 4, 4);
        received[0] = inbox.getBytes(100, length);
      });
      mc.node(0).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(length + 512);
        src.putBytes(12, message);
        p.vmmc().send(src, 12, dst, 100, length);
      });
      mc.run();
      assertThat(received[0]).isEqualTo(message);
    }
  }

  @Test
  void sixteenNodesEachWriteTheirOwnSlotInOrder() {
    try (Multicomputer mc = Multicomputer.builder().mesh(4, 4).seed(3).build()) {
      int rounds = 5;
      int[][] slots = new int[16][];
      VmmcProcess rx = mc.node(0).spawn("collector", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        for (int n = 1; n < 16; n++) {
          while (inbox.getInt(n * 64 + 4 * (rounds - 1)) == 0) {
            p.awaitChange(inbox, n * 64, 4 * rounds);
          }
        }
        for (int n = 1; n < 16; n++) {
          slots[n] = new int[rounds];
          for (int r = 0; r < rounds; r++) {
            slots[n][r] = inbox.getInt(n * 64 + 4 * r);
          }
        }
      });
      for (int n = 1; n < 16; n++) {
        int node = n;
        mc.node(n).spawn("sender" + n, p -> {
          ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
          UserMemory src = p.allocate(4096);
          for (int r = 0; r < rounds; r++) {
            src.putInt(4 * r, node * 100 + r + 1);
            p.vmmc().send(src, 4 * r, dst, node * 64 + 4 * r, 4);
          }
        });
      }
      mc.run();
      for (int n = 1; n < 16; n++) {
        for (int r = 0; r < rounds; r++) {
          assertThat(slots[n][r]).as("node %s round %s", n, r).isEqualTo(n * 100 + r + 1);
        }
      }
    }
  }

  @Test
  void notificationRunsOncePerNotifiedMessageAfterTheData() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(4).build()) {
      List<String> events = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> events.add(
            "offset " + n.offset() + " len " + n.length() + " value "
                + inbox.getInt(n.offset())));
        while (inbox.getInt(12) == 0) {
          p.awaitChange(inbox, 12, 4);
        }
        p.sleep(org.vmmc.core.SimDuration.ofMicros(100));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        src.putInt(0, 11);
        src.putInt(4, 22);
        src.putInt(8, 33);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
        p.vmmc().send(src, 4, dst, 4, 4);
        p.vmmc().sendWithNotify(src, 8, dst, 8, 4);
        src.putInt(12, 1);
        p.vmmc().send(src, 12, dst, 12, 4);
      });
      mc.run();
      assertThat(events).containsExactly("offset 0 len 4 value 11", "offset 8 len 4 value 33");
    }
  }

  @Test
  void blockedNotificationsQueueAndRunOnUnblock() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(5).build()) {
      List<String> log = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().blockNotifications();
        p.vmmc().blockNotifications();
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> log.add("note " + n.offset()));
        while (inbox.getInt(4) == 0) {
          p.awaitChange(inbox, 0, 8);
        }
        p.sleep(org.vmmc.core.SimDuration.ofMicros(50));
        log.add("unblock 1");
        p.vmmc().unblockNotifications();
        p.sleep(org.vmmc.core.SimDuration.ofMicros(50));
        log.add("unblock 2");
        p.vmmc().unblockNotifications();
        p.sleep(org.vmmc.core.SimDuration.ofMicros(50));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        src.putInt(0, 5);
        src.putInt(4, 6);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
        p.vmmc().sendWithNotify(src, 4, dst, 4, 4);
      });
      mc.run();
      assertThat(log).containsExactly("unblock 1", "unblock 2", "note 0", "note 4");
    }
  }

  @Test
  void unblockingInsideAHandlerMayOnlyUndoItsOwnBlock() {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 1).seed(6).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
          p.vmmc().blockNotifications();
          p.vmmc().unblockNotifications();
          p.vmmc().unblockNotifications();
        });
        p.sleep(org.vmmc.core.SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      });
      assertThatThrownBy(mc::run).isInstanceOf(ProcessFailedException.class)
          .hasMessageContaining("notifications")
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause().hasMessageContaining("inside a notification handler");
    }
  }

  @Test
  void runIsDeterministic() {
    SimTime first = pingPongEnd(7);
    assertThat(pingPongEnd(7)).isEqualTo(first);
  }

  private static SimTime pingPongEnd(long seed) {
    try (Multicomputer mc = Multicomputer.builder().mesh(2, 2).seed(seed).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitChange(inbox, 0, 4);
      });
      mc.node(3).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(8192);
        src.putInt(0, 1);
        p.vmmc().send(src, 0, dst, 0, 4096);
      });
      return mc.run().endTime();
    }
  }
}
