package org.vmmc.examples.ideal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.kernel.KernelCounter;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/** What is particular to the ideal interface, through the public user library. */
class IdealDesignTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;

  private static Multicomputer.Builder machine(IdealParameters parameters) {
    return Multicomputer.builder().design(new IdealModule(parameters)).mesh(2, 1).seed(5);
  }

  @Test
  void aSendTakesNoTimeAndTheWordLandsOnceTheMeshAloneHasCarriedIt() {
    SimTime[] send = new SimTime[2];
    PhysicalAddress[] flag = new PhysicalAddress[1];
    List<SimTime> landed = new ArrayList<>();
    try (Multicomputer mc = machine(IdealParameters.DEFAULTS).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        flag[0] = mc.inspector().physicalAddress(p.id(), inbox.address()).orElseThrow();
        p.awaitWord(inbox, 0, word -> word == 42);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 42);
        send[0] = p.now();
        p.vmmc().send(src, 0, dst, 0, 4);
        send[1] = p.now();
      });
      mc.inspector().onMemoryWrite(NodeId.of(0), (node, address, length) -> {
        if (address.equals(flag[0]) && length == 4) {
          landed.add(mc.inspector().now());
        }
      });
      mc.run();
    }
    assertThat(send[1]).as("the send returns at the instant it was made").isEqualTo(send[0]);
    // The packet enters the mesh at its next clock edge and takes the zero-load time from there.
    MeshParameters mesh = MeshParameters.paragon(2, 1);
    long cycle = mesh.linkCycleTime().picos();
    long cycles = mesh.zeroLoadCycles(NodeId.of(1), NodeId.of(0), mesh.flitsFor(4));
    long injected = Math.ceilDiv(send[1].picos(), cycle);
    assertThat(landed).containsExactly(SimTime.ofPicos((injected + cycles) * cycle));
  }

  @Test
  void onlyANotifyingMessageInterruptsTheReceiver() {
    long[] handled = {0};
    try (Multicomputer mc = machine(IdealParameters.DEFAULTS).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> handled[0]++);
        p.awaitWord(inbox, 0, word -> word == 1);
        p.sleep(SimDuration.ofMicros(100));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 2);
        for (int i = 0; i < 3; i++) {
          p.vmmc().send(src, 0, dst, 4 + 4 * i, 4);
        }
        src.putInt(0, 1);
        p.vmmc().sendWithNotify(src, 0, dst, 0, 4);
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(4);
      assertThat(result.counter(NodeId.of(0), KernelCounter.INTERRUPTS)).isEqualTo(1);
    }
    assertThat(handled[0]).isEqualTo(1);
  }

  @Test
  void aSendWaitsForTheMeshOnlyOnceTheInterfaceHoldsAsManyPacketsAsItMay() {
    int pages = 8;
    assertThat(sendDuration(IdealParameters.DEFAULTS.toBuilder().outgoingPackets(pages).build(),
        pages)).isZero();
    assertThat(sendDuration(IdealParameters.DEFAULTS.toBuilder().outgoingPackets(1).build(),
        pages)).isPositive();
  }

  /** How long a send of {@code pages} pages takes (ps), checking that every byte arrives. */
  private static long sendDuration(IdealParameters parameters, int pages) {
    long[] took = {-1};
    byte[] data = new byte[pages * PAGE];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7 + 3);
    }
    byte[][] received = new byte[1][];
    try (Multicomputer mc = machine(parameters).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(data.length + PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, data.length, word -> word == 1);
        received[0] = inbox.getBytes(0, data.length);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(data.length + PAGE);
        src.putBytes(0, data);
        src.putInt(data.length, 1);
        SimTime start = p.now();
        p.vmmc().send(src, 0, dst, 0, data.length);
        took[0] = p.now().since(start).picos();
        p.vmmc().send(src, data.length, dst, data.length, 4);
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(pages + 1);
    }
    assertThat(received[0]).isEqualTo(data);
    return took[0];
  }

  @Test
  void packetsCarryAtMostTheirPayloadLimit() {
    IdealParameters quarter = IdealParameters.DEFAULTS.toBuilder().maxPacketPayload(1024).build();
    try (Multicomputer mc = machine(quarter).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        p.awaitWord(inbox, PAGE - 4, word -> word == 9);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(PAGE - 4, 9);
        p.vmmc().send(src, 0, dst, 0, PAGE);
      });
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(4);
      assertThat(result.counter(NodeId.of(1), NicCounter.BYTES_SENT)).isEqualTo(PAGE);
      assertThat(result.counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(4);
    }
  }

  @Test
  void aMeshThatCarriesLessThanThePacketSizeIsRefusedByName() {
    assertThatThrownBy(() -> machine(IdealParameters.DEFAULTS)
        .meshParameters(m -> m.toBuilder().maxPayloadBytes(1024).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024")
        .hasMessageContaining("ideal.max-packet-payload");
  }

  @Test
  void aRawReferenceToAProxyPageFaults() {
    List<PageFaultException> faults = new ArrayList<>();
    try (Multicomputer mc = machine(IdealParameters.DEFAULTS).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        p.vmmc().importBuffer(rx.id(), INBOX);
        VirtualAddress proxy = VirtualAddress.of(VirtualLayout.PROXY_BASE);
        try {
          p.storeWord(proxy, 4);
        } catch (PageFaultException e) {
          faults.add(e);
        }
        try {
          p.loadWord(proxy);
        } catch (PageFaultException e) {
          faults.add(e);
        }
      });
      mc.run();
    }
    assertThat(faults).hasSize(2).allSatisfy(
        f -> assertThat(f.reason()).isEqualTo(PageFaultException.Reason.SUPERVISOR_ONLY));
  }
}
