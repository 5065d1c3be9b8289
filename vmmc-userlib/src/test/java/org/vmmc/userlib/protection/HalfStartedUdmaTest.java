package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportRequest;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A SHRIMP-II UDMA pair whose STORE was made under an import that is then revoked, its outgoing
 * table entry handed to another process's import in an event (no context switch), must never
 * start a transfer through that entry: the LOAD finds the latch cleared.
 */
class HalfStartedUdmaTest {
  private static final BufferId PUBLIC = BufferId.of(1);
  private static final BufferId PRIVATE = BufferId.of(2);
  private static final int PAGE = 4096;

  /** What the first importer on node 1 does between its STORE and its LOAD. */
  private interface Pause {
    void between(VmmcProcess p);
  }

  /**
   * Node 0: one process exports a public buffer, then unexports it; another exports a private
   * buffer to node 1's second process only. Node 1: the first process imports the public
   * buffer, STOREs a byte count to its first proxy page, pauses, and LOADs from the source
   * proxy of its own memory; the second imports the private buffer while the first pauses.
   * Returns what the private buffer holds at the end (it must stay zero: nobody sends to it).
   */
  private static List<String> run(Pause pause) {
    List<String> escapes = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .seed(3).build()) {
      VmmcProcess[] second = new VmmcProcess[1];
      VmmcProcess owner = mc.node(0).spawn("public exporter", p -> {
        ExportedBuffer b = p.vmmc().export(p.allocate(PAGE), PUBLIC, ImportPolicy.anyone());
        // The revocation reaches node 1 after the first importer's STORE.
        p.sleep(SimDuration.ofMicros(500));
        p.vmmc().unexport(b);
        p.sleep(SimDuration.ofMillis(20));
      });
      VmmcProcess secret = mc.node(0).spawn("private exporter", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, PRIVATE, ImportPolicy.processes(second[0].id()));
        p.sleep(SimDuration.ofMillis(30));
        for (int i = 0; i < PAGE; i += 4) {
          if (inbox.getInt(i) != 0) {
            escapes.add("the private buffer was written at " + i);
            return;
          }
        }
      });
      mc.node(1).spawn("first importer", p -> {
        p.vmmc().importBuffer(owner.id(), PUBLIC);
        UserMemory src = p.allocate(PAGE);
        for (int i = 0; i < PAGE; i += 4) {
          src.putInt(i, 0x5555_5555);
        }
        // Its only import: the first proxy page is the start of the proxy region.
        p.storeWord(VirtualAddress.of(VirtualLayout.PROXY_BASE), PAGE);
        pause.between(p);
        p.loadWord(src.address().plus(VirtualLayout.ALIAS_OFFSET));
        p.sleep(SimDuration.ofMillis(20));
      });
      second[0] = mc.node(1).spawn("second importer", p -> {
        // Asked before the first importer's STORE, answered after the revocation freed its
        // outgoing table entry.
        p.sleep(SimDuration.ofMicros(400));
        ImportRequest request = p.vmmc().importBufferAsync(secret.id(), PRIVATE);
        // Asleep, not waiting for the answer: its import completes in an event.
        p.sleep(SimDuration.ofMillis(10));
        request.await();
      });
      mc.run();
    }
    return escapes;
  }

  @Test
  void anAttackerThatHoldsTheCpuBetweenStoreAndLoadReachesNoOtherImport() {
    assertThat(run(p -> p.compute(600_000))).isEmpty();
  }

  @Test
  void aSenderThatSleepsBetweenStoreAndLoadReachesNoOtherImport() {
    assertThat(run(p -> p.sleep(SimDuration.ofMillis(1)))).isEmpty();
  }
}
