package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.userlib.AutomaticUpdateBinding;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * Revocation is end to end: once {@code unexport} returns, no packet sent under the old export
 * may change the memory, even when the memory is exported again at once (its frames accept
 * packets again) and the mesh is slow enough that packets are still in it.
 */
class LatePacketTest {
  private static final BufferId FIRST = BufferId.of(1);
  private static final BufferId SECOND = BufferId.of(2);
  private static final int PAGE = 4096;

  @Test
  void noAutomaticUpdateOfAnUnexportedBufferLandsInItsReexport() {
    List<String> escapes = new ArrayList<>();
    try (Multicomputer mc = slowMesh(Designs.SHRIMP2)) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        ExportedBuffer first = p.vmmc().export(inbox, FIRST, ImportPolicy.anyone());
        p.awaitChange(inbox, 0, 4);
        p.vmmc().unexport(first);
        p.vmmc().export(inbox, SECOND, ImportPolicy.processes());
        byte[] after = inbox.getBytes(0, PAGE);
        p.sleep(SimDuration.ofMillis(20));
        if (!Arrays.equals(after, inbox.getBytes(0, PAGE))) {
          escapes.add("an automatic update landed after unexport returned");
        }
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), FIRST);
        UserMemory out = p.allocate(PAGE);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, dst, 0, CombiningMode.BLOCK_WRITE, false);
        for (int round = 1; round < 60 && b.isBound(); round++) {
          for (int i = 0; i < PAGE; i += 4) {
            out.putInt(i, round);
          }
        }
      });
      RunResult result = mc.run();
      assertThat(escapes).isEmpty();
      assertThat(result.counter(NodeId.of(1), NicCounter.DRAIN_ACKS_RECEIVED)).isPositive();
    }
  }

  /**
   * A slow mesh and a fast control network: packets are still in flight when the importer's
   * interface has injected them and the revocation's answer is back.
   */
  private static Multicomputer slowMesh(Designs design) {
    return Multicomputer.builder().design(design.module()).mesh(2, 1).seed(5)
        .meshParameters(m -> m.toBuilder().linkCycleTime(SimDuration.ofNanos(400)).build())
        .controlNetwork(new ControlNetworkParameters(SimDuration.ofMicros(1)))
        .build();
  }

  @ParameterizedTest
  @EnumSource(Designs.class)
  void noPacketOfAnUnexportedBufferLandsInItsReexport(Designs design) {
    List<String> escapes = new ArrayList<>();
    try (Multicomputer mc = slowMesh(design)) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        ExportedBuffer first = p.vmmc().export(inbox, FIRST, ImportPolicy.anyone());
        p.awaitChange(inbox, 0, 4);
        p.vmmc().unexport(first);
        // Exported again, to nobody: its frames accept packets, but no one may send any.
        p.vmmc().export(inbox, SECOND, ImportPolicy.processes());
        byte[] after = inbox.getBytes(0, 2 * PAGE);
        p.sleep(SimDuration.ofMillis(20));
        byte[] later = inbox.getBytes(0, 2 * PAGE);
        if (!Arrays.equals(after, later)) {
          escapes.add(design + ": bytes changed after unexport returned");
        }
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), FIRST);
        UserMemory src = p.allocate(2 * PAGE);
        for (int round = 1; round < 200; round++) {
          byte[] pattern = new byte[2 * PAGE];
          Arrays.fill(pattern, (byte) round);
          src.putBytes(0, pattern);
          try {
            p.vmmc().send(src, 0, dst, 0, 2 * PAGE);
          } catch (VmmcException revoked) {
            return;
          }
        }
      });
      RunResult result = mc.run();
      assertThat(escapes).isEmpty();
      assertThat(result.counter(NodeId.of(1), NicCounter.DRAIN_MARKERS)).isPositive();
      assertThat(result.counter(NodeId.of(1), NicCounter.DRAIN_ACKS_RECEIVED))
          .isEqualTo(result.counter(NodeId.of(1), NicCounter.DRAIN_MARKERS));
    }
  }
}
