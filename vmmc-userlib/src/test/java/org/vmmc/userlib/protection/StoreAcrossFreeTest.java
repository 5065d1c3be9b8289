package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A memory reference is atomic with respect to revocation: a store whose process ran ahead, so
 * that it waits at its synchronisation point while its own notification handler frees the page
 * and another process is given the frame, must never land in that process's memory.
 */
class StoreAcrossFreeTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;
  private static final int MARK = 0x0BAD_F00D;

  @ParameterizedTest
  @EnumSource(Designs.class)
  void aStoreHeldAtItsSyncPointNeverLandsInTheNextOwnersFrame(Designs design) {
    List<String> seen = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(design.module()).mesh(2, 1).seed(9)
        .kernel(KernelParameters.DEFAULTS.toBuilder().quantum(SimDuration.ofMicros(50)).build())
        .build()) {
      VmmcProcess owner = mc.node(0).spawn("owner", p -> {
        UserMemory doomed = p.allocate(PAGE);
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> p.free(doomed));
        // Runs ahead of global time; the store synchronises after the handler has run.
        p.compute(600_000);
        try {
          p.storeWord(doomed.address(), MARK);
          seen.add("the store to freed memory went through");
        } catch (PageFaultException expected) {
          seen.add("fault");
        }
      });
      mc.node(0).spawn("next owner", p -> {
        p.sleep(SimDuration.ofMillis(2));
        UserMemory mine = p.allocate(PAGE);
        p.sleep(SimDuration.ofMillis(30));
        for (int i = 0; i < PAGE; i += 4) {
          if (mine.getInt(i) != 0) {
            seen.add("the next owner sees 0x" + Integer.toHexString(mine.getInt(i)));
          }
        }
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(owner.id(), INBOX);
        p.vmmc().sendWithNotify(p.allocate(PAGE), 0, dst, 0, 4);
      });
      mc.run();
    }
    assertThat(seen).containsExactly("fault");
  }
}
