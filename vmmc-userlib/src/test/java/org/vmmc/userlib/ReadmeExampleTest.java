package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** The example program of README.md, verbatim, checked to run and deliver. */
class ReadmeExampleTest {

  @Test
  void readmeExampleRuns() {
    int[] received = new int[1];
    // --- README example begins ---
    Multicomputer mc = Multicomputer.builder()
        .design(new Shrimp2Module())
        .mesh(4, 4).seed(42).build();
    VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
      UserMemory inbox = p.allocate(4096);
      p.vmmc().export(inbox, BufferId.of(1), ImportPolicy.anyone());
      p.awaitChange(inbox, 0, 4);                      // poll the flag word
      System.out.println("received " + inbox.getInt(0) + " at " + p.now());
      received[0] = inbox.getInt(0);
    });
    mc.node(5).spawn("sender", p -> {
      ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
      UserMemory src = p.allocate(4096);
      src.putInt(0, 42);
      p.vmmc().send(src, 0, dst, 0, 4);                 // deliberate update, no system call
    });
    RunResult result = mc.run();
    System.out.println("finished at " + result.endTime());
    // --- README example ends ---
    mc.close();
    assertThat(received[0]).isEqualTo(42);
  }
}
