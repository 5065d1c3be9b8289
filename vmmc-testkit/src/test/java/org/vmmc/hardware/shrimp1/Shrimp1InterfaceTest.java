package org.vmmc.hardware.shrimp1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.testkit.DesignRig;

class Shrimp1InterfaceTest {
  private static final MemoryGeometry GEOMETRY = MemoryGeometry.SHRIMP;
  private static final PageNumber FIRST_PROXY_PAGE =
      GEOMETRY.pageOf(VirtualAddress.of(VirtualLayout.PROXY_BASE));
  private static final FrameNumber RECEIVE_FRAME = new FrameNumber(400);

  private DesignRig rig;
  private final NicInterrupts receiverInterrupts = mock(NicInterrupts.class);

  private void build(Shrimp1Parameters parameters) {
    rig = new DesignRig(() -> new Shrimp1Module(parameters), 2, 1);
    rig.get(0, NicDriver.class).connect(receiverInterrupts);
    rig.get(1, NicDriver.class).connect(mock(NicInterrupts.class));
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private static RemoteBuffer bufferOf(long... frames) {
    List<FrameNumber> list = LongStream.of(frames).mapToObj(FrameNumber::new).toList();
    return new RemoteBuffer(ProcessId.of(0, 0), BufferId.of(1), list, 0,
        frames.length * GEOMETRY.pageSize(), 0);
  }

  private Shrimp1ImportMapping importInto(AddressSpace space, RemoteBuffer buffer) {
    return (Shrimp1ImportMapping) rig.get(1, NicDriver.class).mapImport(space, FIRST_PROXY_PAGE,
        buffer);
  }

  private interface Body {
    void run(SimProcess p, Cpu cpu) throws Exception;
  }

  private void onSender(Body body) {
    Cpu cpu = rig.get(1, Cpu.class);
    rig.simulator().spawn("sender", p -> body.run(p, cpu));
  }

  private long counter(NodeId node, CounterKey key) {
    return rig.simulator().metrics().value(node, key);
  }

  @Test
  void aCompareAndExchangeSendsTheSendPageToTheFrameItIsMappedOutToAtTheSameOffset() {
    build(Shrimp1Parameters.DEFAULTS);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    int[] answer = {-1};
    onSender((p, cpu) -> {
      cpu.store(p, space, m.proxyAddress().plus(8), 0xABCD);
      answer[0] = cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress().plus(8)),
          ShadowCommand.READY, ShadowCommand.command(4, false));
    });
    rig.simulator().run();
    assertThat(answer[0]).isEqualTo(ShadowCommand.READY);
    PhysicalMemory receiver = rig.get(0, PhysicalMemory.class);
    assertThat(receiver.readInt(GEOMETRY.baseOf(RECEIVE_FRAME).plus(8))).isEqualTo(0xABCD);
    assertThat(receiver.readInt(GEOMETRY.baseOf(RECEIVE_FRAME).plus(4))).isZero();
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
    verify(receiverInterrupts, never()).notification(any(), any(), anyInt());
  }

  @Test
  void anImportMapsItsSendPagesAsMemoryAndTheirShadowsAsTheDecoder() {
    build(Shrimp1Parameters.DEFAULTS);
    AddressSpace space = rig.space(1, "sender");
    importInto(space, bufferOf(400, 401));
    Shrimp1Interface card = rig.get(1, Shrimp1Interface.class);
    assertThat(space.mappedPages()).containsExactly(FIRST_PROXY_PAGE, FIRST_PROXY_PAGE.plus(1),
        FIRST_PROXY_PAGE.plus(2), FIRST_PROXY_PAGE.plus(3));
    assertThat(space.entry(FIRST_PROXY_PAGE).orElseThrow().target())
        .isEqualTo(new MemoryFrame(new FrameNumber(128)));
    assertThat(space.entry(FIRST_PROXY_PAGE.plus(1)).orElseThrow().target())
        .isEqualTo(new MemoryFrame(new FrameNumber(129)));
    assertThat(space.entry(FIRST_PROXY_PAGE.plus(2)).orElseThrow().target())
        .isEqualTo(new DevicePage(card.shadow, 128));
    assertThat(space.entry(FIRST_PROXY_PAGE.plus(3)).orElseThrow().target())
        .isEqualTo(new DevicePage(card.shadow, 129));
  }

  @Test
  void aFullEngineAnswersBusyAndStartsNothing() {
    build(Shrimp1Parameters.DEFAULTS.toBuilder().sendQueueDepth(0).build());
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      VirtualAddress shadow = m.shadowOf(m.proxyAddress());
      answers.add(cpu.compareAndExchange(p, space, shadow, ShadowCommand.READY,
          ShadowCommand.command(4096, false)));
      answers.add(cpu.compareAndExchange(p, space, shadow, ShadowCommand.READY,
          ShadowCommand.command(4096, false)));
    });
    rig.simulator().run();
    assertThat(answers).containsExactly(ShadowCommand.READY, ShadowCommand.BUSY);
    assertThat(counter(NodeId.of(1), Shrimp1Counter.SHADOW_BUSY)).isEqualTo(1);
    assertThat(counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isEqualTo(1);
  }

  @Test
  void malformedCommandsAreAnsweredInvalidAndStartNothing() {
    build(Shrimp1Parameters.DEFAULTS);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      VirtualAddress shadow = m.shadowOf(m.proxyAddress());
      int ready = ShadowCommand.READY;
      answers.add(cpu.compareAndExchange(p, space, shadow, ready, 0));
      answers.add(cpu.compareAndExchange(p, space, shadow, ready, 6));
      answers.add(cpu.compareAndExchange(p, space, shadow.plus(4092), ready, 8));
      answers.add(cpu.compareAndExchange(p, space, shadow, ready, 4 | 1 << 20));
    });
    rig.simulator().run();
    assertThat(answers).containsOnly(ShadowCommand.INVALID).hasSize(4);
    assertThat(counter(NodeId.of(1), Shrimp1Counter.SHADOW_INVALID)).isEqualTo(4);
    assertThat(counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isZero();
  }

  @Test
  void aCompareAndExchangeThatDoesNotExpectReadyStartsNothing() {
    build(Shrimp1Parameters.DEFAULTS);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    int[] answer = {-1};
    onSender((p, cpu) -> answer[0] = cpu.compareAndExchange(p, space,
        m.shadowOf(m.proxyAddress()), ShadowCommand.BUSY, ShadowCommand.command(4, false)));
    rig.simulator().run();
    assertThat(answer[0]).isEqualTo(ShadowCommand.READY);
    assertThat(counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isZero();
  }

  @Test
  void plainReferencesToAShadowPageReadTheStatusAndStartNothing() {
    build(Shrimp1Parameters.DEFAULTS);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    int[] status = {-1};
    onSender((p, cpu) -> {
      cpu.store(p, space, m.shadowOf(m.proxyAddress()), ShadowCommand.command(4, false));
      status[0] = cpu.load(p, space, m.shadowOf(m.proxyAddress()));
    });
    rig.simulator().run();
    assertThat(status[0]).isEqualTo(ShadowCommand.READY);
    assertThat(counter(NodeId.of(1), Shrimp1Counter.SHADOW_STORES_IGNORED)).isEqualTo(1);
    assertThat(counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isZero();
  }

  @Test
  void aNotifyingPacketInterruptsOnlyWhereTheFrameAllowsIt() {
    build(Shrimp1Parameters.DEFAULTS);
    FrameNumber quiet = new FrameNumber(401);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, true);
    rig.get(0, NicDriver.class).enableReceive(quiet, false);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value(), quiet.value()));
    onSender((p, cpu) -> {
      cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress().plus(16)),
          ShadowCommand.READY, ShadowCommand.command(8, true));
      cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress().plus(4096)),
          ShadowCommand.READY, ShadowCommand.command(8, true));
    });
    rig.simulator().run();
    verify(receiverInterrupts).notification(NodeId.of(1),
        GEOMETRY.baseOf(RECEIVE_FRAME).plus(16), 8);
    verify(receiverInterrupts, never()).notification(NodeId.of(1), GEOMETRY.baseOf(quiet), 8);
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(2);
  }

  @Test
  void aPacketForAFrameNotEnabledIsDroppedCountedAndReported() {
    build(Shrimp1Parameters.DEFAULTS);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    onSender((p, cpu) -> cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress()),
        ShadowCommand.READY, ShadowCommand.command(4, false)));
    rig.simulator().run();
    verify(receiverInterrupts).droppedPacket(NodeId.of(1), GEOMETRY.baseOf(RECEIVE_FRAME), 4);
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_DROPPED)).isEqualTo(1);
    assertThat(rig.get(0, PhysicalMemory.class).backedFrameCount()).isZero();
  }

  @Test
  void unmapImportWaitsForTheTransferThenFreesClearedSendPages() {
    build(Shrimp1Parameters.DEFAULTS);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    NicDriver driver = rig.get(1, NicDriver.class);
    AddressSpace space = rig.space(1, "sender");
    Shrimp1ImportMapping m = importInto(space, bufferOf(RECEIVE_FRAME.value()));
    boolean[] drainedAtUnmap = new boolean[1];
    boolean[] drained = new boolean[1];
    List<Throwable> faults = new ArrayList<>();
    onSender((p, cpu) -> {
      cpu.store(p, space, m.proxyAddress(), 77);
      cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress()), ShadowCommand.READY,
          ShadowCommand.command(4, false));
      driver.unmapImport(space, m, () -> drained[0] = true);
      drainedAtUnmap[0] = drained[0];
      try {
        cpu.compareAndExchange(p, space, m.shadowOf(m.proxyAddress()), ShadowCommand.READY,
            ShadowCommand.command(4, false));
      } catch (PageFaultException e) {
        faults.add(e);
      }
    });
    rig.simulator().run();
    assertThat(drainedAtUnmap[0]).isFalse();
    assertThat(drained[0]).isTrue();
    assertThat(faults).hasSize(1);
    assertThat(space.mappedPages()).isEmpty();
    assertThat(rig.get(0, PhysicalMemory.class)
        .readInt(GEOMETRY.baseOf(RECEIVE_FRAME))).isEqualTo(77);
    Shrimp1Interface card = rig.get(1, Shrimp1Interface.class);
    assertThat(card.pool.inUse()).isZero();
    assertThat(rig.get(1, PhysicalMemory.class)
        .readInt(GEOMETRY.baseOf(m.sendFrames().get(0)))).isZero();
  }

  @Test
  void anImportLargerThanTheFreeSendPagesIsRefusedAndTakesNone() {
    build(Shrimp1Parameters.DEFAULTS.toBuilder().sendPages(2).build());
    AddressSpace space = rig.space(1, "sender");
    assertThatThrownBy(() -> importInto(space, bufferOf(400, 401, 402)))
        .isInstanceOfSatisfying(VmmcException.class,
            e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.OUT_OF_MEMORY))
        .hasMessageContaining("only 2 of 2 are free");
    assertThat(rig.get(1, Shrimp1Interface.class).pool.inUse()).isZero();
    importInto(rig.space(1, "other"), bufferOf(400, 401));
    assertThat(rig.get(1, Shrimp1Interface.class).pool.inUse()).isEqualTo(2);
  }

  @Test
  void aKernelThatMapsASendPageAsUserMemoryIsRefused() {
    build(Shrimp1Parameters.DEFAULTS);
    NicDriver driver = rig.get(1, NicDriver.class);
    AddressSpace space = rig.space(1, "p");
    driver.memoryMapped(space, new PageNumber(0x10000), new FrameNumber(256));
    assertThatThrownBy(() -> driver.memoryMapped(space, new PageNumber(0x10001),
        new FrameNumber(200)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("frame 200").hasMessageContaining("reservedFrames");
  }

  @Test
  void aPoolOutsideMemoryIsRefused() {
    rig = new DesignRig(
        () -> new Shrimp1Module(Shrimp1Parameters.DEFAULTS.toBuilder()
            .firstSendPageFrame(16_383).sendPages(2).build()), 2, 1);
    assertThatThrownBy(() -> rig.get(0, NicDriver.class))
        .rootCause().hasMessageContaining("lies outside the node's 16384 frames");
  }

  @Test
  void theDesignOffersUserLevelSendAndPolledReceiveAndRefusesAutomaticUpdateByName() {
    build(Shrimp1Parameters.DEFAULTS);
    var design = rig.get(0, NicDriver.class).design();
    assertThat(design.name()).isEqualTo("shrimp1");
    assertThat(design.features()).containsExactly(NicFeature.USER_LEVEL_SEND,
        NicFeature.POLLED_RECEIVE);
    assertThatThrownBy(() -> design.require(NicFeature.AUTOMATIC_UPDATE, "automatic update"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("automatic update needs AUTOMATIC_UPDATE, which the shrimp1 network "
            + "interface lacks");
  }
}
