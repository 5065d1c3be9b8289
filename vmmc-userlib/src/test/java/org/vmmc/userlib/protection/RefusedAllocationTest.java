package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;

/** Allocation is all or nothing: a refused one takes no frame and maps no page. */
class RefusedAllocationTest {
  private static final int PAGE = 4096;

  @Test
  void aRefusedAllocationLeavesNoFrameTakenAndNoPageMapped() {
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(13).build()) {
      mc.node(0).spawn("greedy", p -> {
        UserMemory first = p.allocate(PAGE);
        long inUse = mc.inspector().framesInUse(NodeId.of(0));
        try {
          // 64 MB of frames on the node: more than are left, but inside the address space.
          p.allocate(64 << 20);
        } catch (VmmcException e) {
          seen.add(e.reason());
        }
        seen.add(mc.inspector().framesInUse(NodeId.of(0)) - inUse);
        try {
          // Where the refused allocation would have begun.
          p.loadWord(first.address().plus(PAGE));
          seen.add("mapped");
        } catch (PageFaultException e) {
          seen.add("unmapped");
        }
        UserMemory fits = p.allocate(16 * PAGE);
        fits.putInt(15 * PAGE, 7);
        seen.add(fits.getInt(15 * PAGE));
        seen.add(mc.inspector().framesInUse(NodeId.of(0)) - inUse);
      });
      mc.run();
    }
    assertThat(seen).containsExactly(VmmcException.Reason.OUT_OF_MEMORY, 0L, "unmapped", 7,
        16L);
  }
}
