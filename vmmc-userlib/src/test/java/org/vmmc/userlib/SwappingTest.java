package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.mesh.MeshBackplanes;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * Any single piece of hardware can be swapped with the builder's overrides, leaving the rest
 * of the machine as it is: here the backplane, behind a recording wrapper, and the network
 * interface driver, as a mock.
 */
class SwappingTest {
  private static final MemoryGeometry GEOMETRY = MemoryGeometry.SHRIMP;

  /** The real mesh, recording every packet it accepts. */
  private static final class RecordingBackplane implements Backplane {
    private final Backplane mesh;
    final List<Packet> accepted = new ArrayList<>();

    RecordingBackplane(Backplane mesh) {
      this.mesh = mesh;
    }

    @Override
    public int nodeCount() {
      return mesh.nodeCount();
    }

    @Override
    public int maxPayloadBytes() {
      return mesh.maxPayloadBytes();
    }

    @Override
    public void attach(NodeId node, PacketReceiver receiver) {
      mesh.attach(node, receiver);
    }

    @Override
    public boolean tryInject(Packet packet) {
      boolean taken = mesh.tryInject(packet);
      if (taken) {
        accepted.add(packet);
      }
      return taken;
    }

    @Override
    public void onInjectionSpace(NodeId node, Runnable callback) {
      mesh.onInjectionSpace(node, callback);
    }

    @Override
    public void resumeEjection(NodeId node) {
      mesh.resumeEjection(node);
    }

    @Override
    public SimDuration zeroLoadLatency(NodeId from, NodeId to, int payloadBytes) {
      return mesh.zeroLoadLatency(from, to, payloadBytes);
    }
  }

  static Stream<Named<Module>> designs() {
    return Stream.of(Named.of("SHRIMP-I", new Shrimp1Module()),
        Named.of("SHRIMP-II", new Shrimp2Module()),
        Named.of("conventional", new ConventionalModule()));
  }

  @ParameterizedTest
  @MethodSource("designs")
  void aRecordingBackplaneSeesEveryDesignSendOnlyToTheExportedFramesInOrder(Module design) {
    RecordingBackplane[] recorder = new RecordingBackplane[1];
    int offset = 100;
    int length = 2 * 4096 + 512;
    List<FrameNumber> exportedFrames = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(design).mesh(2, 1).seed(1)
        .overrideMachine(new AbstractModule() {
          @Provides
          @Singleton
          Backplane backplane(Simulator sim, MeshParameters parameters) {
            recorder[0] = new RecordingBackplane(MeshBackplanes.create(sim, parameters));
            return recorder[0];
          }
        }).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4 * 4096);
        p.vmmc().export(inbox, BufferId.of(1), ImportPolicy.anyone(), n -> { });
        for (int page = 0; page < 3; page++) {
          VirtualAddress va = inbox.address().plus((long) page * 4096);
          exportedFrames.add(GEOMETRY.frameOf(mc.inspector().physicalAddress(p.id(), va)
              .orElseThrow()));
        }
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        p.vmmc().sendWithNotify(p.allocate(3 * 4096), 0, dst, offset, length);
      });
      mc.run();
    }
    // The unimport at the sender's exit sends a drain marker behind the data, answered by an
    // acknowledgement; neither carries data.
    List<Packet> drain = recorder[0].accepted.stream().filter(DrainBarrier::isControl).toList();
    assertThat(drain).extracting(Packet::source, Packet::destination).containsExactly(
        tuple(NodeId.of(1), NodeId.of(0)),
        tuple(NodeId.of(0), NodeId.of(1)));
    List<Packet> packets = recorder[0].accepted.stream().filter(p -> !DrainBarrier.isControl(p))
        .toList();
    assertThat(packets).allSatisfy(packet -> {
      assertThat(packet.source()).isEqualTo(NodeId.of(1));
      assertThat(packet.destination()).isEqualTo(NodeId.of(0));
      assertThat(exportedFrames).contains(GEOMETRY.frameOf(packet.destinationAddress()));
    });
    assertThat(packets.stream().mapToInt(Packet::payloadLength).sum()).isEqualTo(length);
    assertThat(packets.getFirst().destinationAddress())
        .isEqualTo(GEOMETRY.baseOf(exportedFrames.getFirst()).plus(offset));
    for (int i = 1; i < packets.size(); i++) {
      Packet before = packets.get(i - 1);
      long end = before.destinationAddress().value() + before.payloadLength();
      long next = packets.get(i).destinationAddress().value();
      // In order: each packet continues where the last ended, or starts the next frame.
      assertThat(next == end || GEOMETRY.offsetInPage(next) == 0).as("packet %s", i).isTrue();
    }
    assertThat(packets).filteredOn(packet -> packet.has(PacketFlag.NOTIFY))
        .containsExactly(packets.getLast());
  }

  @Test
  void aMockDriverSeesExportEnableExactlyTheBuffersFramesWithInterruptsIffAHandlerIsGiven() {
    NicDriver driver = mock(NicDriver.class);
    doAnswer(call -> {
      call.getArgument(1, Runnable.class).run();
      return null;
    }).when(driver).whenFrameQuiet(any(), any());
    List<FrameNumber> frames = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(1, 1)
        .overrideNodes(new AbstractModule() {
          @Override
          protected void configure() {
            bind(NicDriver.class).toInstance(driver);
          }
        }).build()) {
      mc.node(0).spawn("exporter", p -> {
        UserMemory region = p.allocate(3 * 4096);
        for (int page = 0; page < 3; page++) {
          VirtualAddress va = region.address().plus((long) page * 4096);
          frames.add(GEOMETRY.frameOf(mc.inspector().physicalAddress(p.id(), va).orElseThrow()));
        }
        // Bytes 100 to 4195 touch the first two pages; the second buffer lies on the third.
        ExportedBuffer notified = p.vmmc().export(region, 100, 4096, BufferId.of(1),
            ImportPolicy.anyone(), n -> { });
        p.vmmc().export(region, 2 * 4096, 64, BufferId.of(2), ImportPolicy.anyone(), null);
        p.vmmc().unexport(notified);
      });
      mc.run();
    }
    InOrder order = inOrder(driver);
    order.verify(driver).enableReceive(frames.get(0), true);
    order.verify(driver).enableReceive(frames.get(1), true);
    order.verify(driver).enableReceive(frames.get(2), false);
    order.verify(driver).disableReceive(frames.get(0));
    order.verify(driver).disableReceive(frames.get(1));
    order.verify(driver).disableReceive(frames.get(2));
    verify(driver, times(3)).enableReceive(any(), anyBoolean());
    verify(driver, times(3)).disableReceive(any());
  }
}
