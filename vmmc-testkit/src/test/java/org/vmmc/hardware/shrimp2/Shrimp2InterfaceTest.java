package org.vmmc.hardware.shrimp2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.vmmc.testkit.VmmcAssertions.assertThat;

import org.vmmc.core.nic.NicCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.testkit.DesignRig;

/**
 * SHRIMP-II at the hardware level, driven as its kernel driver and the user library would: the
 * UDMA STORE/LOAD pair and its status word, the incoming page table, and automatic update from
 * a snooped store to a packet.
 */
class Shrimp2InterfaceTest {
  private static final MemoryGeometry GEOMETRY = MemoryGeometry.SHRIMP;
  private static final int PAGE = GEOMETRY.pageSize();
  private static final PageNumber FIRST_PROXY_PAGE =
      GEOMETRY.pageOf(VirtualAddress.of(VirtualLayout.PROXY_BASE));
  private static final VirtualAddress SOURCE = VirtualAddress.of(VirtualLayout.USER_BASE);
  /** The first of the sender's source frames, one per page from {@link #SOURCE} on. */
  private static final long SOURCE_FRAME = 300;
  private static final FrameNumber RECEIVE_FRAME = new FrameNumber(400);

  private final NicInterrupts receiverInterrupts = mock(NicInterrupts.class);
  private DesignRig rig;
  private NicDriver receiver;
  private NicDriver sender;
  private AddressSpace space;

  @BeforeEach
  void build() {
    build(Shrimp2Parameters.DEFAULTS);
  }

  /** Two nodes with {@code parameters}; the sender maps four pages of memory at SOURCE. */
  private void build(Shrimp2Parameters parameters) {
    rig = new DesignRig(() -> new Shrimp2Module(parameters), 2, 1);
    receiver = rig.driver(0);
    receiver.connect(receiverInterrupts);
    sender = rig.driver(1);
    sender.connect(mock(NicInterrupts.class));
    space = rig.space(1, "sender");
    for (int page = 0; page < 4; page++) {
      PageNumber vp = GEOMETRY.pageOf(SOURCE).plus(page);
      DesignRig.mapMemory(space, vp.value(), SOURCE_FRAME + page);
      sender.memoryMapped(space, vp, new FrameNumber(SOURCE_FRAME + page));
    }
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private static RemoteBuffer bufferOf(long... frames) {
    List<FrameNumber> list = LongStream.of(frames).mapToObj(FrameNumber::new).toList();
    return new RemoteBuffer(ProcessId.of(0, 0), BufferId.of(1), list, 0,
        frames.length * PAGE, 0);
  }

  private Shrimp2ImportMapping importOf(RemoteBuffer buffer) {
    return (Shrimp2ImportMapping) sender.mapImport(space, FIRST_PROXY_PAGE, buffer);
  }

  private static VirtualAddress sourceProxy(int offset) {
    return SOURCE.plus(VirtualLayout.ALIAS_OFFSET + offset);
  }

  private static PhysicalAddress received(int offset) {
    return GEOMETRY.baseOf(RECEIVE_FRAME).plus(offset);
  }

  private interface Body {
    void run(SimProcess p, Cpu cpu) throws Exception;
  }

  private void onSender(Body body) {
    Cpu cpu = rig.cpu(1);
    rig.simulator().spawn("sender", p -> body.run(p, cpu));
  }

  /** The UDMA pair: STORE {@code command} to the destination proxy, LOAD the source proxy. */
  private int udma(SimProcess p, Cpu cpu, VirtualAddress destinationProxy, int sourceOffset,
      int command) {
    cpu.store(p, space, destinationProxy, command);
    return cpu.load(p, space, sourceProxy(sourceOffset));
  }

  /** Starts a transfer as the user library does, waiting while the engine answers busy. */
  private void send(SimProcess p, Cpu cpu, VirtualAddress destinationProxy, int sourceOffset,
      int command) {
    Shrimp2Interface card = rig.get(1, Shrimp2Interface.class);
    while (udma(p, cpu, destinationProxy, sourceOffset, command) == UdmaStatus.BUSY) {
      p.awaitUntil(card.deliberateUpdate.progress(), () -> !card.deliberateUpdate.isFull());
    }
  }

  // ---- Deliberate update: a STORE and a LOAD start a transfer; the status word says how.

  @Test
  void aStoreToTheDestinationProxyAndALoadFromTheSourceProxyStartATransfer() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    int[] status = {-1};
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE.plus(16), 0xABCD);
      status[0] = udma(p, cpu, m.proxyAddress().plus(8), 16, 4);
    });
    rig.simulator().run();
    assertThat(status[0]).isEqualTo(UdmaStatus.started(0));
    assertThat(rig.memory(0)).hasWordAt(received(8), 0xABCD).isZeroAt(received(0), 8)
        .isZeroAt(received(12), 4);
    assertThat(rig.counter(1, NicCounter.PACKETS_SENT)).isEqualTo(1);
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
    verify(receiverInterrupts, never()).notification(any(), any(), anyInt());
  }

  @Test
  void aTransferIsCutIntoPacketsOfAtMostTheLimitAndArrivesWhole() {
    rig.close();
    build(Shrimp2Parameters.DEFAULTS.toBuilder().maxPacketPayload(1024).build());
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    byte[] data = new byte[PAGE];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (7 * i + 1);
    }
    onSender((p, cpu) -> {
      for (int i = 0; i < data.length; i += 4) {
        cpu.store(p, space, SOURCE.plus(i), (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8
            | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24);
      }
      send(p, cpu, m.proxyAddress(), 0, PAGE);
    });
    rig.simulator().run();
    assertThat(rig.memory(0)).containsAt(received(0), data);
    assertThat(rig.counter(1, NicCounter.PACKETS_SENT)).isEqualTo(4);
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(4);
  }

  @Test
  void anImportMapsOneWritableDestinationProxyPerFrameAndMemoryGetsReadOnlySourceProxies() {
    Shrimp2ImportMapping m = importOf(bufferOf(400, 401));
    Shrimp2Interface card = rig.get(1, Shrimp2Interface.class);
    PageTableEntry first = space.entry(FIRST_PROXY_PAGE).orElseThrow();
    assertThat(first.target()).isEqualTo(new DevicePage(card.udma, m.firstEntry()));
    assertThat(first.writable()).isTrue();
    assertThat(space.entry(FIRST_PROXY_PAGE.plus(1)).orElseThrow().target())
        .isEqualTo(new DevicePage(card.udma, m.firstEntry() + 1));
    assertThat(space.entry(FIRST_PROXY_PAGE.plus(2))).isEmpty();
    PageTableEntry alias = space.entry(GEOMETRY.pageOf(sourceProxy(0))).orElseThrow();
    assertThat(alias.target())
        .isEqualTo(new DevicePage(card.udma, UdmaEngine.SOURCE_PROXY_BASE + SOURCE_FRAME));
    assertThat(alias.writable()).isFalse();
    assertThat(card.outgoing.destinationFrame(m.firstEntry() + 1))
        .isEqualTo(new FrameNumber(401));
    assertThat(card.outgoing.destinationNode(m.firstEntry())).isEqualTo(NodeId.of(0));
  }

  @Test
  void aFullEngineAnswersBusyKeepsTheStoreLatchedAndStartsItOnceThereIsRoom() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    receiver.enableReceive(RECEIVE_FRAME.plus(1), false);
    receiver.enableReceive(RECEIVE_FRAME.plus(2), false);
    Shrimp2ImportMapping m = importOf(bufferOf(400, 401, 402));
    Shrimp2Interface card = rig.get(1, Shrimp2Interface.class);
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      // The engine holds the page it reads and one more (duQueueDepth 1); the third waits.
      answers.add(udma(p, cpu, m.proxyAddress(), 0, PAGE));
      answers.add(udma(p, cpu, m.proxyAddress().plus(PAGE), PAGE, PAGE));
      cpu.store(p, space, m.proxyAddress().plus(2 * PAGE), PAGE);
      answers.add(cpu.load(p, space, sourceProxy(2 * PAGE)));
      p.awaitUntil(card.deliberateUpdate.progress(), () -> !card.deliberateUpdate.isFull());
      answers.add(cpu.load(p, space, sourceProxy(2 * PAGE)));
    });
    rig.simulator().run();
    assertThat(answers).containsExactly(UdmaStatus.started(0), UdmaStatus.started(1),
        UdmaStatus.BUSY, UdmaStatus.started(2));
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(3);
    assertThat(rig.counter(1, Shrimp2Counter.UDMA_INVALID)).isZero();
  }

  @Test
  void aLoadWithoutAValidLatchedStoreAnswersInvalidAndStartsNothing() {
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    VirtualAddress proxy = m.proxyAddress();
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      answers.add(cpu.load(p, space, sourceProxy(0)));      // no STORE latched
      answers.add(udma(p, cpu, proxy, 0, 0));              // no bytes
      answers.add(udma(p, cpu, proxy, 0, 6));              // not whole words
      answers.add(udma(p, cpu, proxy.plus(4092), 0, 8));   // past the destination page
      answers.add(udma(p, cpu, proxy, 4092, 8));           // past the source page
      cpu.store(p, space, proxy, 4);
      answers.add(cpu.load(p, space, proxy));              // a LOAD of the destination proxy
    });
    rig.simulator().run();
    assertThat(answers).hasSize(6).containsOnly(UdmaStatus.INVALID);
    assertThat(rig.counter(1, Shrimp2Counter.UDMA_INVALID)).isEqualTo(6);
    assertThat(rig.counter(1, NicCounter.PACKETS_SENT)).isZero();
  }

  @Test
  void aContextSwitchBetweenStoreAndLoadCancelsThePair() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      cpu.store(p, space, m.proxyAddress(), 4);
      sender.contextSwitched();
      answers.add(cpu.load(p, space, sourceProxy(0)));
      answers.add(udma(p, cpu, m.proxyAddress(), 0, 4));
    });
    rig.simulator().run();
    assertThat(answers).containsExactly(UdmaStatus.INVALID, UdmaStatus.started(0));
    assertThat(rig.counter(1, Shrimp2Counter.UDMA_CANCELLED)).isEqualTo(1);
    assertThat(rig.counter(1, NicCounter.PACKETS_SENT)).isEqualTo(1);
  }

  @Test
  void unmappingTheImportClearsAStoreLatchedThroughItAndWaitsForItsTransfers() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    boolean[] drained = new boolean[2];
    List<Integer> answers = new ArrayList<>();
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE, 77);
      answers.add(udma(p, cpu, m.proxyAddress(), 0, 4));
      cpu.store(p, space, m.proxyAddress().plus(4), 4);
      sender.unmapImport(space, m, () -> drained[1] = true);
      drained[0] = drained[1];
      answers.add(cpu.load(p, space, sourceProxy(0)));
    });
    rig.simulator().run();
    assertThat(answers).containsExactly(UdmaStatus.started(0), UdmaStatus.INVALID);
    assertThat(drained).containsExactly(false, true);
    assertThat(rig.counter(1, Shrimp2Counter.UDMA_LATCH_REVOKED)).isEqualTo(1);
    assertThat(space.entry(FIRST_PROXY_PAGE)).isEmpty();
    assertThat(rig.memory(0)).hasWordAt(received(0), 77).hasWordAt(received(4), 0);
  }

  // ---- Receive: the incoming page table decides what is taken and what interrupts.

  @Test
  void aNotifyingTransferInterruptsOnlyWhereTheFrameAllowsIt() {
    FrameNumber quiet = RECEIVE_FRAME.plus(1);
    receiver.enableReceive(RECEIVE_FRAME, true);
    receiver.enableReceive(quiet, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value(), quiet.value()));
    onSender((p, cpu) -> {
      send(p, cpu, m.proxyAddress().plus(16), 0, 8 | UdmaStatus.NOTIFY);
      send(p, cpu, m.proxyAddress().plus(PAGE), 0, 8 | UdmaStatus.NOTIFY);
      send(p, cpu, m.proxyAddress().plus(32), 0, 8);
    });
    rig.simulator().run();
    verify(receiverInterrupts).notification(NodeId.of(1), received(16), 8);
    verify(receiverInterrupts, never()).notification(NodeId.of(1), GEOMETRY.baseOf(quiet), 8);
    verify(receiverInterrupts, never()).notification(NodeId.of(1), received(32), 8);
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(3);
  }

  @Test
  void aPacketForAFrameNotEnabledIsDroppedCountedAndReported() {
    FrameNumber disabled = RECEIVE_FRAME.plus(1);
    receiver.enableReceive(RECEIVE_FRAME, false);
    receiver.enableReceive(disabled, false);
    receiver.disableReceive(disabled);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value(), disabled.value()));
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE, 5);
      send(p, cpu, m.proxyAddress().plus(PAGE), 0, 4);
      send(p, cpu, m.proxyAddress(), 0, 4);
    });
    rig.simulator().run();
    verify(receiverInterrupts).droppedPacket(NodeId.of(1), GEOMETRY.baseOf(disabled), 4);
    assertThat(rig.counter(0, NicCounter.PACKETS_DROPPED)).isEqualTo(1);
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
    assertThat(rig.memory(0)).hasWordAt(received(0), 5)
        .hasWordAt(GEOMETRY.baseOf(disabled), 0);
  }

  // ---- Automatic update: a snooped store to a bound frame becomes a packet.

  /** Maps the first source page write-through, as the kernel does for a bound page. */
  private PageNumber boundPage() {
    PageNumber page = GEOMETRY.pageOf(SOURCE);
    space.remap(page, PageTableEntry.userReadWrite(
        new MemoryFrame(new FrameNumber(SOURCE_FRAME))).withWriteThrough(true));
    return page;
  }

  @Test
  void aStoreToABoundWriteThroughPageIsSnoopedAndSentToTheSameOffsetOfTheDestination() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    sender.bindAutomaticUpdate(space, boundPage(), new FrameNumber(SOURCE_FRAME), m, 0,
        CombiningMode.SINGLE_WRITE, false);
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE.plus(12), 0x5A5A);
      cpu.store(p, space, SOURCE.plus(PAGE + 12), 0x6B6B); // an unbound page stays local
    });
    rig.simulator().run();
    assertThat(rig.memory(0)).hasWordAt(received(12), 0x5A5A).isZeroAt(received(0), 12);
    assertThat(rig.counter(1, Shrimp2Counter.AU_WORDS)).isEqualTo(1);
    assertThat(rig.counter(1, Shrimp2Counter.AU_PACKETS)).isEqualTo(1);
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
    verify(receiverInterrupts, never()).notification(any(), any(), anyInt());
  }

  @Test
  void aNotifyingBindingInterruptsForEveryStore() {
    receiver.enableReceive(RECEIVE_FRAME, true);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    sender.bindAutomaticUpdate(space, boundPage(), new FrameNumber(SOURCE_FRAME), m, 0,
        CombiningMode.TIMER_WRITE, true);
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE, 1);
      cpu.store(p, space, SOURCE.plus(4), 2);
    });
    rig.simulator().run();
    verify(receiverInterrupts).notification(NodeId.of(1), received(0), 4);
    verify(receiverInterrupts).notification(NodeId.of(1), received(4), 4);
  }

  @Test
  void aBoundFrameMappedWriteBackIsNeverSeenByTheSnoopLogic() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    sender.bindAutomaticUpdate(space, GEOMETRY.pageOf(SOURCE), new FrameNumber(SOURCE_FRAME),
        m, 0, CombiningMode.SINGLE_WRITE, false);
    onSender((p, cpu) -> cpu.store(p, space, SOURCE, 9));
    rig.simulator().run();
    assertThat(rig.counter(1, Shrimp2Counter.AU_WORDS)).isZero();
    assertThat(rig.counter(0, NicCounter.PACKETS_RECEIVED)).isZero();
  }

  @Test
  void unbindingSendsTheOpenPacketAndReportsOnceItHasLeft() {
    receiver.enableReceive(RECEIVE_FRAME, false);
    Shrimp2ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    PageNumber page = boundPage();
    FrameNumber frame = new FrameNumber(SOURCE_FRAME);
    sender.bindAutomaticUpdate(space, page, frame, m, 0, CombiningMode.BLOCK_WRITE, false);
    long[] packetsBeforeUnbind = {-1};
    boolean[] drained = new boolean[2];
    onSender((p, cpu) -> {
      cpu.store(p, space, SOURCE, 1);
      cpu.store(p, space, SOURCE.plus(4), 2);
      p.hold(SimDuration.ofMicros(100));
      packetsBeforeUnbind[0] = rig.counter(1, Shrimp2Counter.AU_PACKETS);
      sender.unbindAutomaticUpdate(space, page, frame, () -> drained[1] = true);
      drained[0] = drained[1];
      cpu.store(p, space, SOURCE.plus(8), 3);
    });
    rig.simulator().run();
    assertThat(packetsBeforeUnbind[0]).isZero();
    assertThat(drained).containsExactly(false, true);
    assertThat(rig.counter(1, Shrimp2Counter.AU_PACKETS)).isEqualTo(1);
    assertThat(rig.counter(1, Shrimp2Counter.AU_WORDS)).isEqualTo(2);
    assertThat(rig.memory(0)).hasWordAt(received(0), 1).hasWordAt(received(4), 2)
        .hasWordAt(received(8), 0);
  }

  @Test
  void theDesignHasAutomaticUpdateUserLevelSendsFromAnyPageAndPolledReceive() {
    var design = receiver.design();
    assertThat(design.name()).isEqualTo("shrimp2");
    assertThat(design.features()).containsExactlyInAnyOrder(NicFeature.AUTOMATIC_UPDATE,
        NicFeature.USER_LEVEL_SEND, NicFeature.ANY_SOURCE_PAGE, NicFeature.POLLED_RECEIVE);
  }
}
