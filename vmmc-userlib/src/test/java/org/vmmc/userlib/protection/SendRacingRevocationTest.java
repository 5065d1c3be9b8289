package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A send racing the revocation of its import fails only with {@link VmmcException} (REVOKED),
 * wherever the revocation lands: here the sender's own notification handler undoes the import,
 * running at whichever synchronisation point of the send the notification finds the sender.
 */
class SendRacingRevocationTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final BufferId DOORBELL = BufferId.of(2);
  private static final int PAGE = 4096;

  @ParameterizedTest
  @EnumSource(Designs.class)
  void aSendRacingARevocationIsRefusedAsRevoked(Designs design) {
    List<String> outcomes = new ArrayList<>();
    for (int delay = 0; delay < 20; delay++) {
      outcomes.add(race(design, delay));
    }
    assertThat(outcomes).containsOnly("REVOKED");
  }

  /**
   * The sender streams small sends; a third process notifies the sender {@code delay} tenths
   * of a microsecond after a fixed time, and the sender's handler unimports the destination.
   * Returns how the sender's stream ended.
   */
  private static String race(Designs design, int delay) {
    String[] outcome = {"no refusal"};
    try (Multicomputer mc = Multicomputer.builder().design(design.module()).mesh(2, 1)
        .seed(delay).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(20));
      });
      ImportedBuffer[] dst = new ImportedBuffer[1];
      VmmcProcess sender = mc.node(1).spawn("sender", p -> {
        p.vmmc().export(p.allocate(PAGE), DOORBELL, ImportPolicy.anyone(),
            n -> p.vmmc().unimport(dst[0]));
        dst[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        try {
          for (int round = 1; round < 100_000; round++) {
            src.putInt(0, round);
            p.vmmc().send(src, 0, dst[0], 0, 4);
          }
        } catch (VmmcException e) {
          outcome[0] = e.reason().name();
        } catch (RuntimeException e) {
          outcome[0] = e.toString();
        }
      });
      mc.node(0).spawn("ringer", p -> {
        ImportedBuffer bell = p.vmmc().importBuffer(sender.id(), DOORBELL);
        p.sleep(SimDuration.ofMillis(3).plus(SimDuration.ofNanos(100L * delay)));
        p.vmmc().sendWithNotify(p.allocate(PAGE), 0, bell, 0, 4);
      });
      mc.run();
    }
    return outcome[0];
  }
}
