package org.vmmc.hardware.conventional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.testkit.DesignRig;

class ConventionalInterfaceTest {
  private static final MemoryGeometry GEOMETRY = MemoryGeometry.SHRIMP;
  private static final PageNumber FIRST_PROXY_PAGE =
      GEOMETRY.pageOf(VirtualAddress.of(VirtualLayout.PROXY_BASE));
  private static final VirtualAddress SOURCE = VirtualAddress.of(VirtualLayout.USER_BASE);
  private static final FrameNumber RECEIVE_FRAME = new FrameNumber(400);
  private static final ConventionalParameters P = ConventionalParameters.PARAGON_NX;

  private DesignRig rig;
  private final NicInterrupts receiverInterrupts = mock(NicInterrupts.class);
  private final List<SimTime> writes = new ArrayList<>();
  private AddressSpace space;

  private void build(ConventionalParameters parameters) {
    rig = new DesignRig(() -> new ConventionalModule(parameters), 2, 1);
    rig.get(0, NicDriver.class).connect(receiverInterrupts);
    rig.get(1, NicDriver.class).connect(mock(NicInterrupts.class));
    rig.get(0, PhysicalMemory.class).addWriteListener((address, length) ->
        writes.add(rig.simulator().now()));
    space = rig.space(1, "sender");
    for (int page = 0; page < 4; page++) {
      DesignRig.mapMemory(space, GEOMETRY.pageOf(SOURCE).value() + page, 300 + page);
    }
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

  /** A process's view for the access path, counting system calls and charging the trap. */
  private final class Caller implements UserContext {
    private final AddressSpace callerSpace;
    private SimProcess process;
    private int systemCalls;

    Caller(AddressSpace callerSpace) {
      this.callerSpace = callerSpace;
    }

    @Override
    public ProcessId id() {
      return ProcessId.of(1, 0);
    }

    @Override
    public SimProcess process() {
      return process;
    }

    @Override
    public AddressSpace addressSpace() {
      return callerSpace;
    }

    @Override
    public Cpu cpu() {
      return rig.get(1, Cpu.class);
    }

    @Override
    public <T> T systemCall(SystemCall call, Supplier<T> body) {
      systemCalls++;
      CpuParameters c = cpu().parameters();
      process.consume(cpu().cycles(c.trapEntryCycles()));
      T result = body.get();
      process.consume(cpu().cycles(c.trapExitCycles()));
      return result;
    }
  }

  private interface Body {
    void run(Caller caller, UserAccessPath path) throws Exception;
  }

  private Caller onSender(Body body) {
    Caller caller = new Caller(space);
    UserAccessPath path = rig.get(1, UserAccessPath.class);
    rig.simulator().spawn("sender", p -> {
      caller.process = p;
      body.run(caller, path);
    });
    return caller;
  }

  private ImportMapping importOf(RemoteBuffer buffer) {
    return rig.get(1, NicDriver.class).mapImport(space, FIRST_PROXY_PAGE, buffer);
  }

  private long counter(NodeId node, CounterKey key) {
    return rig.simulator().metrics().value(node, key);
  }

  private void writeSource(Caller caller, int offset, int... words) {
    for (int i = 0; i < words.length; i++) {
      caller.cpu().store(caller.process(), space, SOURCE.plus(offset + 4L * i), words[i]);
    }
  }

  @Test
  void aSendIsOneSystemCallAndTheArrivalHandlerCopiesTheDataIntoMemory() {
    build(P);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    Caller caller = onSender((c, path) -> {
      writeSource(c, 0, 1, 2, 3, 4);
      path.send(c, SOURCE, m, 8, 16, false);
    });
    rig.simulator().run();
    PhysicalMemory receiver = rig.get(0, PhysicalMemory.class);
    byte[] data = new byte[24];
    receiver.read(GEOMETRY.baseOf(RECEIVE_FRAME), data, 0, 24);
    assertThat(data).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0,
        0, 4, 0, 0, 0);
    assertThat(caller.systemCalls).isEqualTo(1);
    assertThat(counter(NodeId.of(0), ConventionalCounter.ARRIVAL_INTERRUPTS)).isEqualTo(1);
    assertThat(counter(NodeId.of(1), ConventionalCounter.KERNEL_COPIED_BYTES)).isEqualTo(16);
    assertThat(counter(NodeId.of(0), ConventionalCounter.KERNEL_COPIED_BYTES)).isEqualTo(16);
    verify(receiverInterrupts, never()).notification(any(), any(), anyInt());
  }

  @Test
  void anImportMapsNothingButReservesOneProxyPagePerFrame() {
    build(P);
    RemoteBuffer buffer = bufferOf(400, 401, 402);
    assertThat(rig.get(1, NicDriver.class).proxyPagesFor(buffer)).isEqualTo(3);
    ImportMapping m = importOf(buffer);
    assertThat(m.proxyAddress()).isEqualTo(GEOMETRY.baseOf(FIRST_PROXY_PAGE));
    assertThat(space.mappedPages()).hasSize(4).allMatch(p -> p.value() < FIRST_PROXY_PAGE.value());
  }

  @Test
  void theDataLandsAfterInterruptEntryServiceProtocolAndCopy() {
    build(P);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    onSender((c, path) -> path.send(c, SOURCE, m, 0, 4, false));
    rig.simulator().run();
    CpuParameters cpu = rig.get(0, Cpu.class).parameters();
    long handler = cpu.interruptEntryCycles() + P.interruptServiceCycles()
        + P.receiveProtocolCycles() + P.copySetupCycles() + cpu.cachedLoadCycles()
        + cpu.cachedStoreCycles();
    SimTime dmaDone = rig.get(0, IoBus.class).freeAt();
    assertThat(writes).containsExactly(dmaDone.plus(cpu.cycles(handler)));
  }

  @Test
  void arrivalsAreHandledOneAtATime() {
    build(P);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME.plus(1), false);
    ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value(), RECEIVE_FRAME.value() + 1));
    // Eight bytes across the buffer's page boundary: two packets, close behind each other.
    onSender((c, path) -> path.send(c, SOURCE, m, 4092, 8, false));
    rig.simulator().run();
    CpuParameters cpu = rig.get(0, Cpu.class).parameters();
    long handler = cpu.interruptEntryCycles() + P.interruptServiceCycles()
        + P.receiveProtocolCycles() + P.copySetupCycles() + cpu.cachedLoadCycles()
        + cpu.cachedStoreCycles();
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1).since(writes.get(0)))
        .isEqualTo(cpu.cycles(cpu.interruptExitCycles() + handler));
  }

  @Test
  void fullKernelBuffersPushBackAndLoseNothing() {
    // One buffer each way and a slow arrival handler, so the card must refuse arrivals.
    build(P.toBuilder().kernelSendBuffers(1).kernelReceiveBuffers(1)
        .interruptServiceCycles(100_000).receiveProtocolCycles(0).build());
    for (int f = 0; f < 3; f++) {
      rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME.plus(f), false);
    }
    ImportMapping m = importOf(bufferOf(400, 401, 402));
    byte[] message = new byte[3 * GEOMETRY.pageSize()];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 13 + 5);
    }
    onSender((c, path) -> {
      c.cpu().write(c.process(), space, SOURCE, message, 0, message.length);
      path.send(c, SOURCE, m, 0, message.length, false);
    });
    rig.simulator().run();
    byte[] received = new byte[message.length];
    rig.get(0, PhysicalMemory.class).read(GEOMETRY.baseOf(RECEIVE_FRAME), received, 0,
        received.length);
    assertThat(received).isEqualTo(message);
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(3);
    assertThat(counter(NodeId.of(0), NicCounter.ARRIVALS_REFUSED)).isPositive();
  }

  @Test
  void aNotificationIsRaisedOnlyWhereTheFrameAllowsIt() {
    build(P);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, true);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME.plus(1), false);
    ImportMapping m = importOf(bufferOf(400, 401));
    onSender((c, path) -> {
      path.send(c, SOURCE, m, 12, 8, true);
      path.send(c, SOURCE, m, 4096, 8, true);
    });
    rig.simulator().run();
    verify(receiverInterrupts).notification(NodeId.of(1),
        GEOMETRY.baseOf(RECEIVE_FRAME).plus(12), 8);
    verify(receiverInterrupts, never()).notification(NodeId.of(1),
        GEOMETRY.baseOf(RECEIVE_FRAME.plus(1)), 8);
  }

  @Test
  void aPacketForAFrameNotEnabledIsDroppedCountedAndReported() {
    build(P);
    ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    onSender((c, path) -> path.send(c, SOURCE, m, 0, 4, false));
    rig.simulator().run();
    verify(receiverInterrupts).droppedPacket(NodeId.of(1), GEOMETRY.baseOf(RECEIVE_FRAME), 4);
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_DROPPED)).isEqualTo(1);
    assertThat(writes).isEmpty();
  }

  @Test
  void theKernelRefusesARevokedImportAndAnotherProcesssImport() {
    build(P);
    ImportMapping revoked = importOf(bufferOf(400));
    boolean[] drained = new boolean[1];
    rig.get(1, NicDriver.class).unmapImport(space, revoked, () -> drained[0] = true);
    AddressSpace other = rig.space(1, "other");
    ImportMapping foreign = rig.get(1, NicDriver.class).mapImport(other, FIRST_PROXY_PAGE,
        bufferOf(400));
    List<VmmcException> refusals = new ArrayList<>();
    onSender((c, path) -> {
      for (ImportMapping m : List.of(revoked, foreign)) {
        try {
          path.send(c, SOURCE, m, 0, 4, false);
        } catch (VmmcException e) {
          refusals.add(e);
        }
      }
    });
    rig.simulator().run();
    assertThat(drained[0]).isTrue();
    assertThat(refusals).extracting(VmmcException::reason).containsExactly(
        VmmcException.Reason.REVOKED, VmmcException.Reason.PERMISSION_DENIED);
    assertThat(counter(NodeId.of(1), NicCounter.PACKETS_SENT)).isZero();
  }

  @Test
  void unmapImportWaitsForPacketsStillInTheNode() {
    build(P);
    rig.get(0, NicDriver.class).enableReceive(RECEIVE_FRAME, false);
    ImportMapping m = importOf(bufferOf(RECEIVE_FRAME.value()));
    boolean[] drained = new boolean[2];
    onSender((c, path) -> {
      path.send(c, SOURCE, m, 0, 4, false);
      rig.get(1, NicDriver.class).unmapImport(space, m, () -> drained[1] = true);
      drained[0] = drained[1];
    });
    rig.simulator().run();
    assertThat(drained).containsExactly(false, true);
    assertThat(counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED)).isEqualTo(1);
  }

  @Test
  void theDesignCopiesFromAnyPageAndHasNoUserLevelSendNorAutomaticUpdate() {
    build(P);
    var design = rig.get(0, NicDriver.class).design();
    assertThat(design.name()).isEqualTo("conventional");
    assertThat(design.features()).containsExactly(NicFeature.ANY_SOURCE_PAGE);
  }
}
