package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * A notification that arrives while a handler is still busy is delivered once the handler
 * returns, whatever the handler did last: local work leaves the notification context's clock
 * ahead of the machine's, and the arrival happens while it catches up.
 */
class NotificationDeliveryTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;
  /** Handler work long enough that the second notification arrives during it, in cycles. */
  private static final long HANDLER_CYCLES = 30_000;
  /** An allocation whose system call outlasts the gap between the two notifications, in pages. */
  private static final int ALLOCATED_PAGES = 8;

  /** What a handler does after logging its start. */
  @FunctionalInterface
  private interface HandlerWork {
    void run(VmmcProcess p, UserMemory inbox);
  }

  private static List<String> twoNotificationsWhile(HandlerWork work) {
    List<String> log = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(3).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> {
          log.add("start " + n.offset());
          work.run(p, inbox);
        });
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
        p.sleep(SimDuration.ofMicros(50));
        p.vmmc().sendWithNotify(src, 4, dst, 4, 4);
      });
      mc.run();
    }
    return log;
  }

  @Test
  void aNotificationArrivingDuringAHandlersLocalWorkIsDelivered() {
    assertThat(twoNotificationsWhile((p, inbox) -> p.compute(HANDLER_CYCLES)))
        .containsExactly("start 0", "start 4");
  }

  @Test
  void aNotificationArrivingDuringAHandlersSystemCallIsDelivered() {
    // Allocating pages costs kernel time per page, charged as the call's local work.
    assertThat(twoNotificationsWhile((p, inbox) -> p.allocate(ALLOCATED_PAGES * PAGE)))
        .containsExactly("start 0", "start 4");
  }
}
