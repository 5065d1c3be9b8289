package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static org.vmmc.bench.compare.ValueType.BYTES;
import static org.vmmc.bench.compare.ValueType.COUNT;
import static org.vmmc.bench.compare.ValueType.CYCLES;
import static org.vmmc.bench.compare.ValueType.MEGABYTES_PER_SECOND;
import static org.vmmc.bench.compare.ValueType.MEGAHERTZ;
import static org.vmmc.bench.compare.ValueType.MICROSECONDS;
import static org.vmmc.bench.compare.ValueType.MILLISECONDS;
import static org.vmmc.bench.compare.ValueType.NANOSECONDS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.bench.compare.NamedParameter.Slot;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Parameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.LibraryParameters;

/**
 * The registry of parameters experiments can set by name ({@code --param name=value}). Each is
 * one component of a layer's parameter record, whose Javadoc documents its default and where
 * the value comes from; the record's own checks judge a new value. To expose another
 * parameter, add one line here.
 */
public final class Parameters {
  private static final Slot<CpuParameters> CPU = new Slot<>(CpuParameters.class,
      c -> c.hardware().cpu(), (c, v) -> c.withHardware(c.hardware().withCpu(v)));
  private static final Slot<MemoryBusParameters> XPRESS = new Slot<>(MemoryBusParameters.class,
      c -> c.hardware().memoryBus(), (c, v) -> c.withHardware(c.hardware().withMemoryBus(v)));
  private static final Slot<IoBusParameters> EISA = new Slot<>(IoBusParameters.class,
      c -> c.hardware().ioBus(), (c, v) -> c.withHardware(c.hardware().withIoBus(v)));
  private static final Slot<MeshParameters> MESH = new Slot<>(MeshParameters.class,
      MachineConfig::mesh, MachineConfig::withMeshParameters);
  private static final Slot<ControlNetworkParameters> ETHERNET = new Slot<>(
      ControlNetworkParameters.class, MachineConfig::control, MachineConfig::withControl);
  private static final Slot<KernelParameters> KERNEL = new Slot<>(KernelParameters.class,
      MachineConfig::kernel, MachineConfig::withKernel);
  private static final Slot<LibraryParameters> LIBRARY = new Slot<>(LibraryParameters.class,
      MachineConfig::library, MachineConfig::withLibrary);
  private static final Slot<Shrimp1Parameters> SHRIMP1 = new Slot<>(Shrimp1Parameters.class,
      c -> c.part(MachineConfig.SHRIMP1), (c, v) -> c.withPart(MachineConfig.SHRIMP1, v));
  private static final Slot<Shrimp2Parameters> SHRIMP2 = new Slot<>(Shrimp2Parameters.class,
      c -> c.part(MachineConfig.SHRIMP2), (c, v) -> c.withPart(MachineConfig.SHRIMP2, v));
  private static final Slot<ConventionalParameters> CONVENTIONAL = new Slot<>(
      ConventionalParameters.class, c -> c.part(MachineConfig.CONVENTIONAL),
      (c, v) -> c.withPart(MachineConfig.CONVENTIONAL, v));

  private static final List<NamedParameter> ALL = List.of(
      p("cpu.clock-mhz", CPU, "clock", MEGAHERTZ, "node CPU core clock"),
      p("cpu.cached-load-cycles", CPU, "cachedLoadCycles", CYCLES, "load from memory, per word"),
      p("cpu.cached-store-cycles", CPU, "cachedStoreCycles", CYCLES, "store to memory, per word"),
      p("cpu.uncached-io-cycles", CPU, "uncachedIoCycles", CYCLES,
          "one uncached reference to a device page"),
      p("cpu.trap-entry-cycles", CPU, "trapEntryCycles", CYCLES,
          "system-call trap into the kernel"),
      p("cpu.trap-exit-cycles", CPU, "trapExitCycles", CYCLES, "return from a system call"),
      p("cpu.interrupt-entry-cycles", CPU, "interruptEntryCycles", CYCLES,
          "device interrupt to the kernel's handler"),
      p("cpu.interrupt-exit-cycles", CPU, "interruptExitCycles", CYCLES,
          "end of an interrupt handler back to the interrupted code"),
      p("cpu.context-switch-cycles", CPU, "contextSwitchCycles", CYCLES,
          "kernel switch from one process to another"),
      p("xpress.write-ns", XPRESS, "writeTime", NANOSECONDS,
          "memory bus time of one single write"),
      p("eisa.setup-ns", EISA, "setupTime", NANOSECONDS, "EISA DMA set-up per transfer"),
      p("eisa.burst-rate", EISA, "burstRate", MEGABYTES_PER_SECOND, "EISA rate within a burst"),
      p("eisa.burst-bytes", EISA, "burstBytes", BYTES, "most bytes of one EISA burst"),
      p("eisa.inter-burst-gap-ns", EISA, "interBurstGap", NANOSECONDS,
          "dead EISA bus time between two bursts"),
      p("mesh.flit-bytes", MESH, "flitBytes", BYTES, "bytes per flit"),
      p("mesh.link-cycle-ns", MESH, "linkCycleTime", NANOSECONDS,
          "time one flit takes to cross a link"),
      p("mesh.router-delay-cycles", MESH, "routerDelayCycles", CYCLES,
          "link cycles a packet's head spends in each router"),
      p("mesh.link-delay-cycles", MESH, "linkDelayCycles", CYCLES,
          "link cycles a flit spends on a wire"),
      p("mesh.input-buffer-flits", MESH, "inputBufferFlits", COUNT,
          "flits each router input port buffers"),
      p("mesh.max-payload-bytes", MESH, "maxPayloadBytes", BYTES,
          "largest packet payload the mesh accepts"),
      p("mesh.injection-queue-packets", MESH, "injectionQueuePackets", COUNT,
          "packets a node's injection port holds"),
      p("ethernet.latency-us", ETHERNET, "latency", MICROSECONDS,
          "delivery time of one kernel control message"),
      p("kernel.reserved-frames", KERNEL, "reservedFrames", COUNT,
          "physical frames the kernel keeps at the bottom of memory"),
      p("kernel.allocate-cycles-per-page", KERNEL, "allocateCyclesPerPage", CYCLES,
          "kernel work to allocate, zero and map one page"),
      p("kernel.export-cycles", KERNEL, "exportCycles", CYCLES, "kernel work to export a buffer"),
      p("kernel.import-cycles", KERNEL, "importCycles", CYCLES, "kernel work to import a buffer"),
      p("kernel.control-message-cycles", KERNEL, "controlMessageCycles", CYCLES,
          "kernel work per control message"),
      p("kernel.unexport-cycles", KERNEL, "unexportCycles", CYCLES,
          "kernel work to unexport or unimport a buffer"),
      p("kernel.interrupt-dispatch-cycles", KERNEL, "interruptDispatchCycles", CYCLES,
          "kernel work from a NIC interrupt to a queued notification"),
      p("kernel.upcall-cycles", KERNEL, "upcallCycles", CYCLES,
          "delivering a notification into the user's handler"),
      p("kernel.quantum-ms", KERNEL, "quantum", MILLISECONDS,
          "time slice a thread keeps the CPU while others are ready"),
      p("library.poll-iteration-cycles", LIBRARY, "pollIterationCycles", CYCLES,
          "one iteration of a flag-polling loop"),
      p("library.poll-miss-cycles", LIBRARY, "pollMissCycles", CYCLES,
          "extra cost of the load that sees a change"),
      p("shrimp1.clock-mhz", SHRIMP1, "clock", MEGAHERTZ, "SHRIMP-I card logic clock"),
      p("shrimp1.first-send-page-frame", SHRIMP1, "firstSendPageFrame", COUNT,
          "first physical frame of the send-page pool"),
      p("shrimp1.send-pages", SHRIMP1, "sendPages", COUNT,
          "send pages in the pool, so pages a node can have imported"),
      p("shrimp1.start-cycles", SHRIMP1, "startCycles", CYCLES,
          "card cycles from the compare-and-exchange to the DMA engine asking for EISA"),
      p("shrimp1.send-queue-depth", SHRIMP1, "sendQueueDepth", COUNT,
          "transfers queued behind the current one"),
      p("shrimp1.packetizer-cycles", SHRIMP1, "packetizerCycles", CYCLES,
          "card cycles to build a header and start a packet"),
      p("shrimp1.incoming-fifo-packets", SHRIMP1, "incomingFifoPackets", COUNT,
          "packets buffered while incoming DMA is busy"),
      p("shrimp1.incoming-check-cycles", SHRIMP1, "incomingCheckCycles", CYCLES,
          "card cycles to check the incoming page table"),
      p("shrimp2.clock-mhz", SHRIMP2, "clock", MEGAHERTZ, "SHRIMP-II interface logic clock"),
      p("shrimp2.outgoing-table-entries", SHRIMP2, "outgoingTableEntries", COUNT,
          "outgoing page table entries"),
      p("shrimp2.udma-start-cycles", SHRIMP2, "udmaStartCycles", CYCLES,
          "interface cycles from the UDMA LOAD to the engine asking for EISA"),
      p("shrimp2.du-queue-depth", SHRIMP2, "duQueueDepth", COUNT,
          "deliberate updates queued behind the current one"),
      p("shrimp2.max-packet-payload", SHRIMP2, "maxPacketPayload", BYTES,
          "largest payload of one packet, deliberate or automatic update"),
      p("shrimp2.packetizer-cycles", SHRIMP2, "packetizerCycles", CYCLES,
          "interface cycles to build a header and start a packet"),
      p("shrimp2.incoming-fifo-packets", SHRIMP2, "incomingFifoPackets", COUNT,
          "packets buffered while incoming DMA is busy"),
      p("shrimp2.incoming-check-cycles", SHRIMP2, "incomingCheckCycles", CYCLES,
          "interface cycles to check the incoming page table"),
      p("shrimp2.outgoing-fifo-words", SHRIMP2, "outgoingFifoWords", COUNT,
          "outgoing FIFO entries for snooped automatic-update stores"),
      p("shrimp2.snoop-cycles", SHRIMP2, "snoopCycles", CYCLES,
          "interface cycles from a snooped store to its packet being ready"),
      p("shrimp2.combining-timer-cycles", SHRIMP2, "combiningTimerCycles", CYCLES,
          "TIMER_WRITE flush timer, restarted by every store"),
      p("conventional.send-path-cycles", CONVENTIONAL, "sendPathCycles", CYCLES,
          "kernel send path besides the trap: checks, descriptor, lock"),
      p("conventional.send-protocol-cycles", CONVENTIONAL, "sendProtocolCycles", CYCLES,
          "NX protocol work per message at the sender"),
      p("conventional.copy-setup-cycles", CONVENTIONAL, "copySetupCycles", CYCLES,
          "fixed cost of one kernel copy besides its words"),
      p("conventional.nic-start-references", CONVENTIONAL, "nicStartReferences", COUNT,
          "uncached card register references to start one packet"),
      p("conventional.interrupt-service-cycles", CONVENTIONAL, "interruptServiceCycles", CYCLES,
          "arrival interrupt's device service besides entry and exit"),
      p("conventional.receive-protocol-cycles", CONVENTIONAL, "receiveProtocolCycles", CYCLES,
          "NX protocol work per arriving packet"),
      p("conventional.kernel-send-buffers", CONVENTIONAL, "kernelSendBuffers", COUNT,
          "one-packet kernel buffers waiting for the card's outgoing DMA"),
      p("conventional.kernel-receive-buffers", CONVENTIONAL, "kernelReceiveBuffers", COUNT,
          "one-packet kernel buffers the card DMAs arrivals into"),
      p("conventional.card-clock-mhz", CONVENTIONAL, "cardClock", MEGAHERTZ,
          "conventional card logic clock"),
      p("conventional.packetizer-cycles", CONVENTIONAL, "packetizerCycles", CYCLES,
          "card cycles to start a packet into the network"));

  private static final Map<String, NamedParameter> BY_NAME = index();

  private Parameters() {}

  private static NamedParameter p(String name, Slot<?> slot, String component, ValueType type,
      String description) {
    return new NamedParameter(name, slot, component, type, description);
  }

  private static Map<String, NamedParameter> index() {
    Map<String, NamedParameter> byName = new LinkedHashMap<>();
    for (NamedParameter p : ALL) {
      checkArgument(byName.put(p.name(), p) == null, "parameter %s is listed twice", p.name());
    }
    return byName;
  }

  /** Every named parameter, in a stable order. */
  public static List<NamedParameter> all() {
    return ALL;
  }

  /** The parameter called {@code name}; an error listing the valid names if there is none. */
  public static NamedParameter named(String name) {
    NamedParameter p = BY_NAME.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; valid names: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return p;
  }

  /**
   * {@code config} with the setting {@code assignment} ({@code name=value}) applied; an
   * {@link IllegalArgumentException} that says what is wrong otherwise.
   */
  public static MachineConfig apply(MachineConfig config, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("a parameter setting has the form name=value, not '"
          + assignment + "'; valid names: " + String.join(", ", BY_NAME.keySet()));
    }
    return named(assignment.substring(0, eq).strip())
        .apply(config, assignment.substring(eq + 1));
  }
}
