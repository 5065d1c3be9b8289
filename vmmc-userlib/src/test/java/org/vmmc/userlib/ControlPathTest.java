package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

class ControlPathTest {

  /** Runs {@code body} as a single process on node 0; returns what it threw. */
  private static Throwable failureOf(UserProgram body) {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      mc.node(0).spawn("p", p -> {
        try {
          body.run(p);
        } catch (RuntimeException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void duplicateBufferIdIsRefused() {
    Throwable e = failureOf(p -> {
      UserMemory m = p.allocate(8192);
      p.vmmc().export(m, 0, 64, BufferId.of(1), ImportPolicy.anyone(), null);
      p.vmmc().export(m, 4096, 64, BufferId.of(1), ImportPolicy.anyone(), null);
    });
    assertThat(e).isInstanceOfSatisfying(VmmcException.class,
        v -> assertThat(v.reason()).isEqualTo(VmmcException.Reason.DUPLICATE_BUFFER_ID));
  }

  @Test
  void overlappingExportIsRefused() {
    Throwable e = failureOf(p -> {
      UserMemory m = p.allocate(8192);
      p.vmmc().export(m, 0, 128, BufferId.of(1), ImportPolicy.anyone(), null);
      p.vmmc().export(m, 124, 64, BufferId.of(2), ImportPolicy.anyone(), null);
    });
    assertThat(e).isInstanceOfSatisfying(VmmcException.class,
        v -> assertThat(v.reason()).isEqualTo(VmmcException.Reason.OVERLAPPING_EXPORT));
  }

  @Test
  void misalignedExportNamesTheAddressAndTheWord() {
    Throwable e = failureOf(p -> p.vmmc().export(p.allocate(4096), 2, 64, BufferId.of(1),
        ImportPolicy.anyone(), null));
    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receive buffer start 0x10000002 is not aligned to the 4-byte word");
  }

  @Test
  void exportPastTheAllocationIsRejected() {
    Throwable e = failureOf(p -> p.vmmc().export(p.allocate(4096), 4000, 200, BufferId.of(1),
        ImportPolicy.anyone(), null));
    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200 bytes at offset 4000 reach outside the 4096-byte region");
  }

  @Test
  void freeingExportedMemoryIsRefusedUntilUnexported() {
    Throwable e = failureOf(p -> {
      UserMemory m = p.allocate(4096);
      p.vmmc().export(m, BufferId.of(3), ImportPolicy.anyone());
      p.free(m);
    });
    assertThat(e).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds exported buffer 3; unexport it first");
  }

  @Test
  void importersListsWhoImportedAndForgetsUnimports() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(3, 1).seed(3).build()) {
      List<Set<ProcessId>> seen = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("rx", p -> {
        ExportedBuffer b = p.vmmc().export(p.allocate(4096), BufferId.of(1),
            ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
        seen.add(p.vmmc().importers(b));
        p.sleep(SimDuration.ofMillis(3));
        seen.add(p.vmmc().importers(b));
      });
      VmmcProcess[] importers = new VmmcProcess[2];
      for (int n = 1; n <= 2; n++) {
        int node = n;
        importers[n - 1] = mc.node(n).spawn("tx" + n, p -> {
          ImportedBuffer b = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
          p.sleep(SimDuration.ofMillis(3));
          if (node == 2) {
            p.vmmc().unimport(b);
          }
          p.sleep(SimDuration.ofMillis(5));
        });
      }
      mc.run();
      assertThat(seen.get(0)).containsExactlyInAnyOrder(importers[0].id(), importers[1].id());
      assertThat(seen.get(1)).containsExactly(importers[0].id());
    }
  }

  @Test
  void asynchronousImportOverlapsWithWork() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(4).build()) {
      boolean[] doneBeforeWork = {true};
      VmmcProcess rx = mc.node(0).spawn("rx", p -> {
        p.vmmc().export(p.allocate(4096), BufferId.of(1), ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("tx", p -> {
        ImportRequest request = p.vmmc().importBufferAsync(rx.id(), BufferId.of(1));
        doneBeforeWork[0] = request.isDone();
        p.compute(1_000);
        ImportedBuffer b = request.await();
        assertThat(b.length()).isEqualTo(4096);
      });
      mc.run();
      assertThat(doneBeforeWork[0]).isFalse();
    }
  }

  @Test
  void processExitReleasesItsMemoryAndExports() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(5).build()) {
      List<Throwable> errors = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("short-lived", p ->
          p.vmmc().export(p.allocate(3 * 4096), BufferId.of(1), ImportPolicy.anyone()));
      mc.node(1).spawn("late", p -> {
        p.sleep(SimDuration.ofMillis(2));
        try {
          p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        } catch (VmmcException e) {
          errors.add(e);
        }
      });
      mc.run();
      assertThat(mc.inspector().framesInUse(NodeId.of(0))).isZero();
      assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
          e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.NO_SUCH_PROCESS));
    }
  }

  @Test
  void aSecondImportOfTheSameBufferOutlivesUnimportingTheFirstAndIsRevokedByUnexport() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(6).build()) {
      List<Set<ProcessId>> seen = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      VmmcProcess rx = mc.node(0).spawn("rx", p -> {
        ExportedBuffer b = p.vmmc().export(p.allocate(4096), BufferId.of(1),
            ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
        seen.add(p.vmmc().importers(b));
        p.vmmc().unexport(b);
        p.sleep(SimDuration.ofMillis(3));
      });
      VmmcProcess tx = mc.node(1).spawn("tx", p -> {
        ImportedBuffer first = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        ImportedBuffer second = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        p.vmmc().unimport(first);
        UserMemory src = p.allocate(4096);
        p.vmmc().send(src, 0, second, 0, 4);
        p.sleep(SimDuration.ofMillis(5));
        try {
          p.vmmc().send(src, 0, second, 0, 4);
        } catch (VmmcException e) {
          errors.add(e);
        }
      });
      mc.run();
      assertThat(seen).containsExactly(Set.of(tx.id()));
      assertThat(errors).singleElement().isInstanceOfSatisfying(VmmcException.class,
          e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.REVOKED));
    }
  }
}
