package org.vmmc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmmc.testkit.VmmcAssertions.assertThat;

import org.vmmc.core.nic.NicCounter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/** Each domain assertion passes on what it describes and fails, saying why, on the rest. */
class VmmcAssertionsTest {
  private static final BufferId INBOX = BufferId.of(1);

  private static RunResult result(Map<String, Long> counters) {
    return new RunResult(SimTime.ZERO, 0, new TreeMap<>(counters));
  }

  @Test
  void aRunFinishedCleanlyUnlessACounterSaysSomethingWasDropped() {
    assertThat(result(Map.of("node0.nic.packets-received", 3L, "node0.nic.packets-dropped", 0L)))
        .finishedCleanly();
    assertThatThrownBy(() -> assertThat(result(Map.of("node1.nic.packets-dropped", 2L,
        "node0.kernel.notifications-dropped", 1L))).finishedCleanly())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("node1.nic.packets-dropped=2")
        .hasMessageContaining("node0.kernel.notifications-dropped=1");
  }

  @Test
  void aCounterAndATotalAreAssertedByName() {
    RunResult r = result(Map.of("node0.nic.packets-sent", 2L, "node1.nic.packets-sent", 3L));
    assertThat(r).counter(NodeId.of(1), NicCounter.PACKETS_SENT).isEqualTo(3);
    assertThat(r).counter(NodeId.of(2), NicCounter.PACKETS_SENT).isZero();
    assertThat(r).total(NicCounter.PACKETS_SENT).isEqualTo(5);
    assertThatThrownBy(() -> assertThat(r).counter(NodeId.of(0), NicCounter.PACKETS_SENT).isEqualTo(3))
        .hasMessageContaining("counter node0.nic.packets-sent");
  }

  @Test
  void physicalMemoryHoldsWordsAndBytesWhereWritten() {
    try (DesignRig rig = new DesignRig(Shrimp1Module::new, 1, 1)) {
      PhysicalMemory memory = rig.memory(0);
      PhysicalAddress at = PhysicalAddress.of(0x2000);
      memory.writeInt(at, 0xCAFE);
      assertThat(memory).hasWordAt(at, 0xCAFE).isZeroAt(at.plus(4), 64)
          .containsAt(at, new byte[] {(byte) 0xFE, (byte) 0xCA, 0, 0});
      assertThatThrownBy(() -> assertThat(memory).hasWordAt(at, 0xBEEF))
          .hasMessageContaining("to be 0x0000beef, but it is 0x0000cafe");
      assertThatThrownBy(() -> assertThat(memory).containsAt(at, new byte[] {(byte) 0xFE, 1}))
          .hasMessageContaining("byte 1").hasMessageContaining("is 0xca, not 0x01");
    }
  }

  @Test
  void theInspectorSeesAReceiversMemoryAndFramesWhileItRuns() {
    VirtualAddress[] inbox = new VirtualAddress[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module()).mesh(2, 1)
        .seed(3).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory memory = p.allocate(4096);
        inbox[0] = memory.address();
        p.vmmc().export(memory, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        src.putInt(0, 0x1234);
        p.vmmc().send(src, 0, dst, 8, 4);
      });
      mc.runUntil(SimTime.after(SimDuration.ofMillis(4)));
      PhysicalAddress at = mc.inspector().physicalAddress(rx.id(), inbox[0]).orElseThrow();
      NodeId node = NodeId.of(0);
      assertThat(mc.inspector()).hasWordAt(node, at.plus(8), 0x1234)
          .containsAt(node, at, new byte[8]).hasFramesInUse(node, 1);
      assertThatThrownBy(() -> assertThat(mc.inspector()).hasWordAt(node, at, 7))
          .hasMessageContaining("of node 0 to be 0x00000007, but it is 0x00000000");
      assertThatThrownBy(() -> assertThat(mc).hasNoFramesInUse())
          .hasMessageContaining("(node=frames): {0=1}");
      mc.run();
      assertThat(mc).hasNoFramesInUse().hasNoDropReports();
    }
  }

  @Test
  void aDroppedPacketShowsInTheMachinesDropReports() {
    FaultInjection faults = new FaultInjection();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module()).mesh(2, 1)
        .seed(4).overrideNodes(faults.module()).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        faults.disableReceiveOnEveryFrame(NodeId.of(0));
        p.vmmc().send(p.allocate(4096), 0, dst, 0, 4);
      });
      RunResult result = mc.run();
      assertThat(mc).dropReports(0).singleElement().asString().contains("from node 1");
      assertThatThrownBy(() -> assertThat(mc).hasNoDropReports())
          .hasMessageContaining("expected no drop reports, but there are 1");
      assertThatThrownBy(() -> assertThat(result).finishedCleanly())
          .hasMessageContaining("node0.nic.packets-dropped=1");
    }
  }

  @Test
  void faultInjectionNamesANodeItCannotReach() {
    FaultInjection faults = new FaultInjection();
    assertThatThrownBy(() -> faults.disableReceiveOnEveryFrame(NodeId.of(0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no machine was built");
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(1, 1)
        .overrideNodes(faults.module()).build()) {
      assertThatThrownBy(() -> faults.disableReceiveOnEveryFrame(NodeId.of(3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a node of the machine, which has 1 nodes");
      assertThat(mc.nodeCount()).isOne();
    }
  }

  @Test
  void arrivalsCarriedExactlyWhatWasStoredOrSayWhereTheyDiffer() {
    StoreLog[] logs = new StoreLog[2];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module()).mesh(2, 1)
        .seed(5).build()) {
      Arrivals arrivals = new Arrivals(mc, 0);
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory memory = p.allocate(4096);
        arrivals.watch(p, memory);
        p.vmmc().export(memory, INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
        arrivals.stop();
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(4096);
        logs[0] = new StoreLog(src, 0);
        logs[0].putInt(0, 0x0A0B0C0D);
        logs[0].putInt(4, 2);
        p.vmmc().send(src, 0, dst, 0, 8);
        logs[1] = new StoreLog(p.allocate(4096), 0);
        logs[1].putInt(0, 0x0A0B0C0D);
        logs[1].putInt(4, 3);
      });
      mc.run();
      assertThat(arrivals).carriedExactly(logs[0]).hasPacketSizes(8);
      assertThatThrownBy(() -> assertThat(arrivals).carriedExactly(logs[1]))
          .hasMessageContaining("landed byte 4 is 4=2 where the store was 4=3");
      assertThatThrownBy(() -> assertThat(arrivals).hasPacketSizes(4, 4))
          .hasMessageContaining("expected writes of [4, 4] bytes to land, but writes of [8]");
      assertThatThrownBy(() -> assertThat(arrivals).hasReceivedNothing())
          .hasMessageContaining("but 8 bytes did");
    }
  }
}
