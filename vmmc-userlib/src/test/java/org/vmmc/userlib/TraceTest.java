package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * The event trace of a whole machine: every event says what its time went to and whose it is,
 * and the same configuration and seed give the same trace.
 */
class TraceTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final NodeId RECEIVER = NodeId.of(0);
  private static final NodeId SENDER = NodeId.of(1);

  /** An import, then one word with a notification from node 1 to node 0, traced throughout. */
  private static List<TraceRecord> notifiedWord(long seed) {
    List<TraceRecord> trace = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(seed).build()) {
      mc.trace(trace::add);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> { });
        p.sleep(SimDuration.ofMillis(2));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      });
      mc.run();
    }
    return trace;
  }

  @Test
  void theSameSeedGivesTheSameTraceWithStagesAndNodes() {
    assertThat(notifiedWord(5)).isEqualTo(notifiedWord(5));
  }

  @Test
  void eachEventCarriesTheStageAndNodeOfTheComponentThatScheduledIt() {
    List<TraceRecord> trace = notifiedWord(5);

    assertThat(trace).filteredOn(r -> r.what().equals("sender")).isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.stage()).isEqualTo(Stage.PROCESS);
          assertThat(r.node()).contains(SENDER);
        });
    // The handler runs in the receiver's notification context, on the receiver's node.
    assertThat(trace).filteredOn(r -> r.what().equals("receiver/notifications")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.node()).contains(RECEIVER));
    assertThat(trace).filteredOn(r -> r.stage() == Stage.INTERRUPT).singleElement()
        .satisfies(r -> {
          assertThat(r.what()).isEqualTo("notification");
          assertThat(r.node()).contains(RECEIVER);
        });
    // The import request is handled by the exporter's kernel, the reply by the importer's.
    assertThat(trace).filteredOn(r -> r.stage() == Stage.CONTROL && r.node().isPresent())
        .extracting(TraceRecord::node).contains(Optional.of(RECEIVER), Optional.of(SENDER));
    assertThat(trace).filteredOn(r -> r.stage() == Stage.IO_BUS_DMA)
        .extracting(TraceRecord::node).contains(Optional.of(SENDER), Optional.of(RECEIVER));
    assertThat(trace).extracting(TraceRecord::stage).doesNotContain(Stage.OTHER);
  }
}
