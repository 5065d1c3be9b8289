package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A revocation that reaches the importer's node while a send is under way (in the middle of
 * the copy of a page, say) either stops the send or drains what it sent: once the unexport has
 * returned, nothing of that send changes the memory, even exported again at once. The moment
 * of the unexport is swept across a whole send, so that the revocation lands at every point of
 * it.
 */
class RevocationDuringSendTest {
  private static final BufferId FIRST = BufferId.of(1);
  private static final BufferId SECOND = BufferId.of(2);
  private static final int PAGE = 4096;
  /** Unexport moments tried, {@link #STEP} apart: together they span more than one send. */
  private static final int MOMENTS = 48;
  private static final SimDuration STEP = SimDuration.ofMicros(8);
  /** The sender's pause between two sends. */
  private static final SimDuration PAUSE = SimDuration.ofMicros(300);

  @ParameterizedTest
  @EnumSource(Designs.class)
  void nothingOfASendMetByARevocationLandsAfterTheUnexport(Designs design) {
    List<String> escapes = new ArrayList<>();
    for (int moment = 0; moment < MOMENTS; moment++) {
      race(design, moment, escapes);
    }
    assertThat(escapes).isEmpty();
  }

  /** The receiver unexports {@code moment} steps after a fixed time while pages stream in. */
  private static void race(Designs design, int moment, List<String> escapes) {
    try (Multicomputer mc = Multicomputer.builder().design(design.module()).mesh(2, 1)
        .seed(moment)
        // A fast control network: the revocation's answer is back while packets are in the mesh.
        .controlNetwork(new ControlNetworkParameters(SimDuration.ofMicros(1)))
        .build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        ExportedBuffer first = p.vmmc().export(inbox, FIRST, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(2).plus(STEP.times(moment)));
        p.vmmc().unexport(first);
        // Exported again, to nobody: its frame accepts packets, but no one may send any.
        p.vmmc().export(inbox, SECOND, ImportPolicy.processes());
        byte[] after = inbox.getBytes(0, PAGE);
        p.sleep(SimDuration.ofMillis(1));
        if (!Arrays.equals(after, inbox.getBytes(0, PAGE))) {
          escapes.add(design + ", unexport at step " + moment
              + ": bytes changed after unexport returned");
        }
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), FIRST);
        UserMemory src = p.allocate(PAGE);
        for (int round = 1; round < 1_000; round++) {
          byte[] pattern = new byte[PAGE];
          Arrays.fill(pattern, (byte) round);
          src.putBytes(0, pattern);
          try {
            p.vmmc().send(src, 0, dst, 0, PAGE);
          } catch (VmmcException revoked) {
            return;
          }
          // A pause lets the interface send the page, so that nothing of the import is queued
          // when the revocation comes.
          p.sleep(PAUSE);
        }
      });
      mc.run();
    }
  }
}
