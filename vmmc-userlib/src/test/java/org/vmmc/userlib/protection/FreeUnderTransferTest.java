package org.vmmc.userlib.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * Frames are reused only once no outgoing DMA reads them: memory freed while a deliberate
 * update still has to read it is neither zeroed nor handed to another process before the
 * engine is done with it, so the next owner's data never leaves the node.
 */
class FreeUnderTransferTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;
  private static final byte SENT = 0x11;
  private static final byte SECRET = 0x77;

  private static void sleepUntil(VmmcProcess p, SimTime when) {
    p.sleep(when.since(p.now()));
  }

  @Test
  void theNextOwnersDataIsNeverSentByATransferStartedBeforeTheFree() {
    List<String> seen = new ArrayList<>();
    SimTime start = SimTime.after(SimDuration.ofMillis(2));
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .seed(4).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(10));
        byte[] second = inbox.getBytes(PAGE, PAGE);
        for (byte b : second) {
          if (b == SECRET) {
            seen.add("the next owner's data arrived");
            break;
          }
        }
        byte[] expected = new byte[PAGE];
        Arrays.fill(expected, SENT);
        seen.add(Arrays.equals(second, expected) ? "sent as started" : "changed");
      });
      mc.node(1).spawn("sender", p -> {
        p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory first = p.allocate(PAGE);
        UserMemory doomed = p.allocate(PAGE);
        doomed.putBytes(0, filled(SENT));
        sleepUntil(p, start);
        // Two raw UDMA pairs: a page from the first region, then a page from the doomed one,
        // which the engine reads only after the first.
        startTransfer(p, VirtualLayout.PROXY_BASE, first);
        startTransfer(p, VirtualLayout.PROXY_BASE + PAGE, doomed);
        p.free(doomed);
      });
      mc.node(1).spawn("next owner", p -> {
        sleepUntil(p, start.plus(SimDuration.ofMicros(60)));
        p.allocate(PAGE).putBytes(0, filled(SECRET));
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.run();
    }
    assertThat(seen).containsExactly("sent as started");
  }

  private static void startTransfer(VmmcProcess p, long proxy, UserMemory source) {
    int status = 0;
    while ((status & 1) == 0) {
      p.storeWord(VirtualAddress.of(proxy), PAGE);
      status = p.loadWord(source.address().plus(VirtualLayout.ALIAS_OFFSET));
    }
  }

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[PAGE];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
