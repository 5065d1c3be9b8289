package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmmc.userlib.AutomaticUpdateTest.INBOX;
import static org.vmmc.userlib.AutomaticUpdateTest.machine;
import static org.vmmc.userlib.AutomaticUpdateTest.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.stats.Metrics;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;
import org.vmmc.kernel.KernelCounter;
import org.vmmc.kernel.KernelProcess;

/** Ending automatic-update bindings, and the pages that were never bound. */
class AutomaticUpdateTeardownTest {

  private static boolean writeThrough(Multicomputer mc, VmmcProcess p, UserMemory region) {
    KernelProcess kp = mc.node(p.node().value()).kernel().processes().stream()
        .filter(k -> k.id().equals(p.id())).findFirst().orElseThrow();
    return kp.addressSpace().entry(kp.addressSpace().geometry().pageOf(region.address()))
        .orElseThrow().writeThrough();
  }

  @Test
  void closingStopsPropagationAndMakesThePageWriteBackAgain() {
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Metrics metrics = mc.simulator().metrics();
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        seen.add(writeThrough(mc, p, out));
        out.putInt(0, 1);
        b.close();
        seen.add(b.isBound());
        seen.add(writeThrough(mc, p, out));
        out.putInt(0, 2);
        out.putInt(4, 3);
        long calls = p.systemCalls();
        b.close();
        seen.add(p.systemCalls() - calls);
      });
      assertThat(seen).containsExactly(true, false, false, 0L);
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(arrivals.sizes()).containsExactly(4);
      assertThat(metrics.value(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(1);
      assertThat(metrics.value(NodeId.of(1), MemoryBusCounter.WRITES)).isEqualTo(1);
    }
  }

  @Test
  void unimportEndsTheBindingAfterSendingWhatWasStored() {
    boolean[] bound = {true};
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.BLOCK_WRITE, false);
        out.putInt(0, 1);
        out.putInt(4, 2);
        p.vmmc().unimport(inbox);
        bound[0] = b.isBound();
        out.putInt(0, 3);
        b.close();
      });
      assertThat(bound[0]).isFalse();
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(arrivals.wordValues(4)).containsExactly(2);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(2);
    }
  }

  @Test
  void unexportReachesTheImporterAndEndsItsBinding() {
    boolean[] bound = new boolean[2];
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = new Arrivals(mc, 0);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        arrivals.watch(p, inbox);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        while (inbox.getInt(0) != 1) {
          p.awaitChange(inbox, 0, 4);
        }
        p.vmmc().unexport(exported);
        p.sleep(SimDuration.ofMillis(2));
        arrivals.stop();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(4096);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        bound[0] = b.isBound();
        p.sleep(SimDuration.ofMillis(1));
        bound[1] = b.isBound();
        out.putInt(0, 2);
        b.close();
      });
      mc.run();
      assertThat(bound).containsExactly(true, false);
      assertThat(arrivals.wordValues(0)).containsExactly(1);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(1);
      assertThat(mc.inspector().counter(NodeId.of(0), NicCounter.PACKETS_DROPPED)).isZero();
    }
  }

  @Test
  void exitSendsTheOpenPacketAndUnbinds() {
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory out = p.allocate(4096);
        p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.BLOCK_WRITE, false);
        out.putInt(0, 7);
        out.putInt(4, 8);
      });
      assertThat(arrivals.sizes()).containsExactly(8);
      assertThat(arrivals.wordValues(4)).containsExactly(8);
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_UNBINDINGS)).isEqualTo(1);
      assertThat(mc.inspector().framesInUse(NodeId.of(1))).isZero();
    }
  }

  @Test
  void closingATwoPageBindingWhileTheExporterRevokesItEndsItOnce() {
    boolean[] seen = new boolean[3];
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * 4096);
        ExportedBuffer exported = p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, 4096, word -> word == 2);
        p.vmmc().unexport(exported);
        seen[0] = true;
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(2 * 4096);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        out.putInt(4096, 2);
        // Local work runs the clock past the revocation, which then arrives at the first
        // synchronisation point of the unbind: the interface's flush of the first page.
        p.compute(1_000_000);
        b.close();
        seen[1] = b.isBound();
        seen[2] = inbox.isRevoked();
      });
      mc.run();
      assertThat(seen).containsExactly(true, false, true);
      assertThat(mc.simulator().metrics().value(NodeId.of(1), KernelCounter.AU_UNBINDINGS))
          .isEqualTo(1);
      assertThat(mc.nodes()).allSatisfy(n -> assertThat(n.kernel().framesInUse()).isZero());
    }
  }

  @Test
  void aHandlerThatUnimportsWhileTheMainThreadUnbindsEndsTheBindingOnce() {
    List<Object> seen = new ArrayList<>();
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      VmmcProcess[] sender = new VmmcProcess[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * 4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, 4096, word -> word == 2);
        ImportedBuffer poke = p.vmmc().importBuffer(sender[0].id(), BufferId.of(2));
        UserMemory word = p.allocate(4096);
        p.vmmc().sendWithNotify(word, 0, poke, 0, 4);
        p.sleep(SimDuration.ofMillis(20));
      });
      sender[0] = mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        p.vmmc().export(p.allocate(4096), BufferId.of(2), ImportPolicy.anyone(), n -> {
          p.vmmc().unimport(inbox);
          seen.add("handler: revoked " + inbox.isRevoked());
        });
        UserMemory out = p.allocate(2 * 4096);
        AutomaticUpdateBinding b =
            p.vmmc().bindAutomaticUpdate(out, inbox, 0, CombiningMode.SINGLE_WRITE, false);
        out.putInt(0, 1);
        out.putInt(4096, 2);
        // Run ahead past the notification: its handler takes over at the unbind's first
        // synchronisation point and undoes the import under the half-released binding.
        p.compute(1_000_000);
        b.close();
        seen.add("main: bound " + b.isBound());
      });
      mc.run();
      assertThat(seen).containsExactly("handler: revoked true", "main: bound false");
      assertThat(mc.simulator().metrics().value(NodeId.of(1), KernelCounter.AU_UNBINDINGS))
          .isEqualTo(1);
      assertThat(mc.nodes()).allSatisfy(n -> assertThat(n.kernel().framesInUse()).isZero());
    }
  }

  @Test
  void storesToPagesThatAreNotBoundNeverLeaveTheNode() {
    try (Multicomputer mc = machine(Shrimp2Parameters.DEFAULTS)) {
      Metrics metrics = mc.simulator().metrics();
      Arrivals arrivals = run(mc, (p, inbox) -> {
        UserMemory two = p.allocate(2 * 4096);
        UserMemory other = p.allocate(4096);
        p.vmmc().bindAutomaticUpdate(two.slice(0, 4096), inbox, 0,
            CombiningMode.SINGLE_WRITE, false);
        two.putInt(4096, 9);
        two.putBytes(8000, new byte[] {1, 2, 3});
        other.putInt(0, 10);
        p.storeWord(other.address().plus(8), 11);
        two.putInt(0, 12);
      });
      assertThat(arrivals.bytes()).containsExactly("0=12", "1=0", "2=0", "3=0");
      assertThat(metrics.value(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(1);
      assertThat(metrics.value(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isEqualTo(1);
      assertThat(metrics.value(NodeId.of(1), MemoryBusCounter.WRITES)).isEqualTo(1);
    }
  }
}
