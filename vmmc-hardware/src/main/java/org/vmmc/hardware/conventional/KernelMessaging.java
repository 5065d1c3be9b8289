package org.vmmc.hardware.conventional;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.DrainBarrier;
import org.vmmc.hardware.nic.IncomingPageTable;

/**
 * The kernel's message layer for a conventional interface, in the style of Paragon NX: the
 * body of the send system call, and the handler of the card's arrival interrupt. It keeps the
 * import descriptors and the table of frames that accept data, and it is on the data path of
 * every message, which is what VMMC removes.
 *
 * <p>Sending: the call checks the import, does the protocol work, and for each packet (cut
 * where the destination crosses a page) waits for a free kernel buffer, copies the data into
 * it from the caller's memory, then checks the import again and starts the card with no gap
 * in between, so a revocation's drain sees every packet it lets through. It returns when the
 * last packet is in a kernel buffer: the data has left the caller's memory.
 *
 * <p>Receiving: each arrival interrupts the CPU; the handler serves arrivals one at a time, in
 * order, and for each charges interrupt entry, device service, protocol work and the copy,
 * then writes the data into the receiver's memory (or drops, counts and reports a packet for a
 * frame no buffer exports), raises a notification if the packet asks for one and the frame
 * allows it, frees the kernel buffer and returns from the interrupt. The handler's time delays
 * the data and is taken from the node's user processes (the kernel's scheduler charges it).
 */
@Singleton
final class KernelMessaging implements IncomingDma.ArrivalInterrupt {
  private final NodeId node;
  private final Simulator sim;
  private final Cpu cpu;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;
  private final ConventionalNic nic;
  private final ConventionalParameters parameters;
  private final Set<ConventionalImportMapping> imports =
      Collections.newSetFromMap(new IdentityHashMap<>());
  /** The kernel's software copy of which frames accept data and raise notifications. */
  private final IncomingPageTable receiveTable = new IncomingPageTable();
  private final Counter arrivals;
  private final Counter received;
  private final Counter dropped;
  private final Counter copiedBytes;
  /** The arrival handler's copy into the user's buffer done: the end of its interval. */
  private final TracePoint copiedToUser;
  /** The arrival handler done with a drain marker or acknowledgement. */
  private final TracePoint markerHandled;
  /** The arrival handler's return, charged to the node's CPU. */
  private final TracePoint handlerReturned;
  private final DrainBarrier drain;
  private NicInterrupts interrupts;
  private SimTime handlerFreeAt = SimTime.ZERO;

  @Inject
  KernelMessaging(NodeId node, Simulator sim, Cpu cpu, PhysicalMemory memory,
      ConventionalNic nic, ConventionalParameters parameters) {
    this.node = node;
    this.sim = sim;
    this.cpu = cpu;
    this.memory = memory;
    this.geometry = memory.geometry();
    this.nic = nic;
    this.parameters = parameters;
    this.arrivals = sim.metrics().counter(node, ConventionalCounter.ARRIVAL_INTERRUPTS);
    this.received = sim.metrics().counter(node, NicCounter.PACKETS_RECEIVED);
    this.dropped = sim.metrics().counter(node, NicCounter.PACKETS_DROPPED);
    this.copiedBytes = sim.metrics().counter(node, ConventionalCounter.KERNEL_COPIED_BYTES);
    this.copiedToUser = TracePoint.of(Stage.COPY, node, "conventional receive copy");
    this.markerHandled = TracePoint.of(Stage.INTERRUPT, node, "conventional drain marker");
    this.handlerReturned = TracePoint.of(Stage.INTERRUPT, node, "conventional arrival interrupt");
    this.drain = new DrainBarrier(node, nic.outgoing::startControl, sim.metrics());
    nic.incoming.connect(this);
  }

  /** The kernel's end-to-end barrier: drain markers through the card, answered by the kernel. */
  DrainBarrier drain() {
    return drain;
  }

  void connect(NicInterrupts kernel) {
    this.interrupts = kernel;
  }

  IncomingPageTable receiveTable() {
    return receiveTable;
  }

  void register(ConventionalImportMapping mapping) {
    imports.add(mapping);
  }

  void unregister(ConventionalImportMapping mapping) {
    imports.remove(mapping);
  }

  // ---- the send system call ----

  /** The body of the send system call; the caller has trapped into the kernel. */
  void send(UserContext caller, VirtualAddress source, ConventionalImportMapping mapping,
      int offset, int length, boolean notify) {
    SimProcess p = caller.process();
    CpuParameters costs = cpu.parameters();
    p.consume(cpu.cycles(parameters.sendPathCycles()));
    requireImport(caller, mapping);
    p.consume(cpu.cycles(parameters.sendProtocolCycles()));
    int sent = 0;
    while (sent < length) {
      int index = mapping.buffer().firstOffset() + offset + sent;
      FrameNumber frame = mapping.buffer().frames().get(index / geometry.pageSize());
      int inFrame = index % geometry.pageSize();
      int piece = Math.min(length - sent, geometry.pageSize() - inFrame);
      p.awaitUntil(nic.outgoing.progress(), () -> !nic.outgoing.isFull());
      // Copy from user memory: the CPU model charges the loads (and faults on a bad address);
      // the stores into the kernel buffer and the routine's setup are charged here.
      byte[] data = new byte[piece];
      cpu.read(p, caller.addressSpace(), source.plus(sent), data, 0, piece);
      long words = (piece + geometry.wordSize() - 1) / geometry.wordSize();
      p.consume(cpu.cycles(parameters.copySetupCycles() + words * costs.cachedStoreCycles()));
      copiedBytes.add(piece);
      p.consume(cpu.cycles((long) parameters.nicStartReferences() * costs.uncachedIoCycles()));
      // Checked again at the instant the card is started: a revocation that ran while the copy
      // took its time has begun its drain already, and a packet queued behind its marker would
      // land after the barrier.
      requireImport(caller, mapping);
      boolean last = sent + piece == length;
      nic.outgoing.start(new Packet(node, mapping.buffer().exporter().node(),
          geometry.baseOf(frame).plus(inFrame), data, last && notify
              ? Set.of(PacketFlag.DELIBERATE_UPDATE, PacketFlag.NOTIFY)
              : Set.of(PacketFlag.DELIBERATE_UPDATE)), mapping);
      sent += piece;
    }
  }

  /**
   * Synchronises the caller, then refuses an import that was revoked or undone, or that is
   * another process's; what the caller does next, before it synchronises again, happens at the
   * instant of the check.
   */
  private void requireImport(UserContext caller, ConventionalImportMapping mapping) {
    caller.process().sync();
    if (!imports.contains(mapping)) {
      throw new VmmcException(VmmcException.Reason.REVOKED, mapping + " is no longer imported");
    }
    if (mapping.space() != caller.addressSpace()) {
      throw new VmmcException(VmmcException.Reason.PERMISSION_DENIED, mapping
          + " belongs to another process than " + caller.id());
    }
  }

  // ---- the arrival interrupt ----

  @Override
  public void arrived(Packet packet) {
    arrivals.increment();
    CpuParameters costs = cpu.parameters();
    long words = (packet.payloadLength() + geometry.wordSize() - 1) / geometry.wordSize();
    long handlerCycles = costs.interruptEntryCycles() + parameters.interruptServiceCycles()
        + parameters.receiveProtocolCycles() + parameters.copySetupCycles()
        + words * (costs.cachedLoadCycles() + costs.cachedStoreCycles());
    SimTime start = handlerFreeAt.max(sim.now());
    SimTime copied = start.plus(cpu.cycles(handlerCycles));
    handlerFreeAt = copied.plus(cpu.cycles(costs.interruptExitCycles()));
    sim.scheduleAt(copied, DrainBarrier.isControl(packet) ? markerHandled : copiedToUser,
        () -> deliver(packet));
    // The handler runs on the node's CPU: the kernel takes its time from the user processes.
    interrupts.interruptService(cpu.cycles(handlerCycles + costs.interruptExitCycles()),
        handlerReturned);
  }

  private void deliver(Packet packet) {
    FrameNumber frame = geometry.frameOf(packet.destinationAddress());
    if (DrainBarrier.isControl(packet)) {
      // Arrivals are handled in order, so every packet before the marker is copied or dropped.
      drain.received(packet);
    } else if (!receiveTable.receiveEnabled(frame)) {
      dropped.increment();
      interrupts.droppedPacket(packet.source(), packet.destinationAddress(),
          packet.payloadLength());
    } else {
      byte[] payload = packet.payload();
      memory.write(packet.destinationAddress(), payload, 0, payload.length);
      received.increment();
      copiedBytes.add(payload.length);
      if (packet.has(PacketFlag.NOTIFY) && receiveTable.interruptEnabled(frame)) {
        interrupts.notification(packet.source(), packet.destinationAddress(), payload.length);
      }
    }
    nic.incoming.bufferFreed();
  }
}
