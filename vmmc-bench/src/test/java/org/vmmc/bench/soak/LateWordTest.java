package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.bench.soak.Oracle.ExportRecord;
import org.vmmc.bench.soak.Oracle.ImportRecord;
import org.vmmc.bench.soak.Oracle.Message;
import org.vmmc.bench.soak.Oracle.Proc;
import org.vmmc.bench.soak.Oracle.Route;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.Inspector;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/** The oracle judges a word that lands in no live buffer by the buffer it was sent to. */
class LateWordTest {
  private static final int PAGE = 4096;

  @Test
  void aWordLandingInItsUnexportedBufferIsLateEvenWhereARefusedExportLay() {
    Proc[] procs = new Proc[2];
    try (Multicomputer mc = Multicomputer.builder().design(SoakDesigns.named("shrimp2").module())
        .mesh(1, 1).seed(1).build()) {
      Inspector inspection = mc.inspector();
      Oracle oracle = new Oracle(inspection, KernelParameters.DEFAULTS.reservedFrames());
      inspection.onMemoryWrite(mc.node(0).id(), oracle::written);
      VmmcProcess exporter = mc.node(0).spawn("exporter", p -> {
        UserMemory m = p.allocate(2 * PAGE);
        long base = m.address().value();
        oracle.allocated(procs[0], base, 2);
        ExportRecord own = oracle.exporting(procs[0], 0, base + PAGE, PAGE, false);
        ImportRecord via = oracle.imported(procs[1], procs[0].id, 0, oracle.stamp());
        Message sent = oracle.message(procs[1], Route.DIRECTED, via, 0, 1, false);
        oracle.closed(own); // unexported
        // An export of both pages, refused as overlapping: it covers the same word, later.
        oracle.closed(oracle.exporting(procs[0], 1, base, 2 * PAGE, false));
        // The word arrives after the unexport returned, where it was sent.
        m.putInt(PAGE, Words.tag(procs[1].index, sent.number, 0));
      });
      VmmcProcess sender = mc.node(0).spawn("sender", p -> { });
      procs[0] = oracle.process(exporter.id());
      procs[1] = oracle.process(sender.id());
      mc.run();

      assertThat(oracle.findings()).extracting(Finding::rule)
          .containsExactly("late-after-unexport");
      // It arrived, too late: an escape, not also a loss.
      assertThat(procs[1].messages.getFirst().landed).containsExactly(1);
    }
  }
}
