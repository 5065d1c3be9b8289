package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.Notification;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Metrics;

/**
 * A node's kernel: processes and their memory, system calls, and the VMMC control path.
 *
 * <p>Export, import, unexport and unimport are system calls; import and the teardown of an
 * export travel to the peer kernel over the control network (the Ethernet). The kernel
 * programs the network interface only through the design's {@link NicDriver}, and is never on
 * the data path of a send: after an import, data moves by user memory references alone. The
 * node's processes time-share its CPU under a {@code CpuScheduler}, which also gives the CPU to
 * the kernel's interrupt handling.
 */
public final class Kernel {
  private final NodeId node;
  private final Simulator sim;
  private final Cpu cpu;
  private final PhysicalMemory memory;
  private final AddressSpaceFactory spaces;
  private final NicDriver driver;
  private final ControlNetwork control;
  private final KernelDirectory directory;
  private final KernelParameters parameters;
  private final MemoryGeometry geometry;
  private final MemoryAllocator userMemory;
  final CpuScheduler scheduler;
  private final Map<Integer, KernelProcess> processes = new LinkedHashMap<>();
  private final ExportedFrames exportedFrames;
  private final List<String> dropReports = new ArrayList<>();
  private int nextPid;
  private long nextGeneration;

  @Inject
  Kernel(NodeId node, Simulator sim, Cpu cpu, PhysicalMemory memory, AddressSpaceFactory spaces,
      NicDriver driver, ControlNetwork control, KernelDirectory directory,
      KernelParameters parameters) {
    this.node = node;
    this.sim = sim;
    this.cpu = cpu;
    this.memory = memory;
    this.spaces = spaces;
    this.driver = driver;
    this.control = control;
    this.directory = directory;
    this.parameters = parameters;
    this.geometry = memory.geometry();
    this.userMemory = new MemoryAllocator(memory, driver, parameters.reservedFrames());
    this.scheduler = new CpuScheduler(sim, node,
        cpu.cycles(cpu.parameters().contextSwitchCycles()), parameters.quantum(),
        driver::contextSwitched);
    this.exportedFrames = new ExportedFrames(driver, geometry);
    driver.connect(new Interrupts());
    directory.register(this);
  }

  /** The node this kernel runs. */
  public NodeId node() {
    return node;
  }

  /** The network interface design of this node. */
  public NicDesign design() {
    return driver.design();
  }

  /** The node's CPU. */
  public Cpu cpu() {
    return cpu;
  }

  /** The node's physical memory. */
  public PhysicalMemory memory() {
    return memory;
  }

  /** The simulator the node lives in. */
  public Simulator simulator() {
    return sim;
  }

  /** The kernel's cost parameters. */
  public KernelParameters parameters() {
    return parameters;
  }

  /** The processes spawned on this node, in spawn order. */
  public List<KernelProcess> processes() {
    return List.copyOf(processes.values());
  }

  /** One line per packet the interface dropped and reported by an error interrupt. */
  public List<String> dropReports() {
    return List.copyOf(dropReports);
  }

  /** Frames of user memory in use. */
  public int framesInUse() {
    return userMemory.framesInUse();
  }

  /** Spawns a process running {@code main}; the kernel cleans up after it when it returns. */
  public KernelProcess spawn(String name, ProcessMain main) {
    requireNonNull(main, "main");
    ProcessId id = new ProcessId(node, nextPid++);
    KernelProcess p = new KernelProcess(this, id, requireNonNull(name, "name"),
        spaces.create(name), VirtualLayout.USER_BASE, VirtualLayout.PROXY_BASE);
    processes.put(id.pid(), p);
    p.main = sim.spawn(name, self -> scheduler.run(self, id, false, s -> {
      try {
        main.run(p);
      } finally {
        exit(p);
      }
    }));
    return p;
  }

  /** The process {@code pid} of this node, if it exists and has not exited. */
  KernelProcess liveProcess(int pid) {
    KernelProcess p = processes.get(pid);
    return p == null || p.exited ? null : p;
  }

  // ---- system calls ----

  <T> T systemCall(KernelProcess caller, String call, Supplier<T> body) {
    SimProcess p = caller.process();
    caller.systemCalls++;
    count("syscalls");
    count("syscalls." + call);
    p.consume(cpu.cycles(cpu.parameters().trapEntryCycles()));
    T result = body.get();
    p.consume(cpu.cycles(cpu.parameters().trapExitCycles()));
    return result;
  }

  /** Allocates {@code bytes} of zeroed user memory, rounded up to whole pages. */
  public VirtualAddress allocate(KernelProcess caller, int bytes) {
    checkArgument(bytes > 0, "allocation size must be positive: %s bytes", bytes);
    return systemCall(caller, "allocate", () -> {
      int pages = geometry.pagesSpanned(0, bytes);
      VirtualAddress base = userMemory.allocate(caller, pages);
      caller.process().consume(cpu.cycles(parameters.allocateCyclesPerPage() * pages));
      return base;
    });
  }

  /** Frees the allocation that starts at {@code base}; it must not hold an exported buffer. */
  public void free(KernelProcess caller, VirtualAddress base) {
    systemCall(caller, "free", () -> {
      KernelProcess.Allocation a = caller.allocations.get(base.value());
      checkArgument(a != null, "%s is not the start of memory %s allocated", base, caller.id());
      long end = userMemory.end(a);
      for (Export e : caller.exports.values()) {
        checkState(!e.overlaps(a.base(), end),
            "cannot free memory at %s: it holds exported %s; unexport it first", base, e.id);
      }
      automaticUpdates().checkNoneIn(caller, a.base(), end);
      userMemory.release(caller, a);
      caller.allocations.remove(base.value());
      return null;
    });
  }

  /** Exports {@code length} bytes at {@code start} as receive buffer {@code id}. */
  public Export export(KernelProcess caller, VirtualAddress start, int length, BufferId id,
      ImportPolicy policy, NotificationHandler handler) {
    requireNonNull(id, "id");
    requireNonNull(policy, "policy");
    checkArgument(length > 0, "buffer length must be positive: %s bytes", length);
    geometry.requireWordAligned(start.value(), "receive buffer start");
    geometry.requireWordAligned(length, "receive buffer length");
    return systemCall(caller, "export", () -> {
      userMemory.requireAllocated(caller, start.value(), length);
      if (caller.exports.containsKey(id)) {
        throw new VmmcException(Reason.DUPLICATE_BUFFER_ID,
            caller.id() + " already exports " + id);
      }
      for (Export e : caller.exports.values()) {
        if (e.overlaps(start.value(), start.value() + length)) {
          throw new VmmcException(Reason.OVERLAPPING_EXPORT, length + " bytes at " + start
              + " overlap " + e);
        }
      }
      List<FrameNumber> bufferFrames = new ArrayList<>();
      int pages = geometry.pagesSpanned(start.value(), length);
      for (int i = 0; i < pages; i++) {
        VirtualAddress va = start.plus((long) i * geometry.pageSize());
        PageTableEntry entry = caller.space.entry(geometry.pageOf(va)).orElseThrow();
        bufferFrames.add(((MemoryFrame) entry.target()).frame());
      }
      Export e = new Export(caller, id, start, length, bufferFrames,
          geometry.offsetInPage(start.value()), policy, handler, nextGeneration++);
      caller.exports.put(id, e);
      exportedFrames.add(e);
      if (handler != null) {
        caller.notifications.ensureStarted();
      }
      caller.process().consume(cpu.cycles(parameters.exportCycles()));
      return e;
    });
  }

  /** Unexports buffer {@code id}; returns once every importer has dropped its mapping. */
  public void unexport(KernelProcess caller, BufferId id) {
    systemCall(caller, "unexport", () -> {
      Export e = caller.exports.get(id);
      if (e == null) {
        throw new VmmcException(Reason.NO_SUCH_EXPORT, caller.id() + " does not export " + id);
      }
      caller.process().consume(cpu.cycles(parameters.unexportCycles()));
      withdraw(caller, e, true);
      return null;
    });
  }

  private void withdraw(KernelProcess owner, Export e, boolean wait) {
    owner.exports.remove(e.id);
    e.withdrawn = true;
    exportedFrames.remove(e);
    int[] outstanding = {0};
    Signal acknowledged = sim.signal("importers of " + e.id + " to drop their mappings");
    for (ProcessId importer : List.copyOf(e.importers.elementSet())) {
      outstanding[0]++;
      sendControl(importer.node(), "revoke", peer -> peer.onRevoke(importer, e.describe(), () ->
          peer.sendControl(node, "revoke-ack", self -> {
            outstanding[0]--;
            acknowledged.signalAll();
          })));
    }
    e.importers.clear();
    if (wait) {
      owner.process().awaitUntil(acknowledged, () -> outstanding[0] == 0);
    }
  }

  /** Starts importing buffer {@code id} of {@code exporter}; the answer comes later. */
  public PendingImport importAsync(KernelProcess caller, ProcessId exporter, BufferId id) {
    requireNonNull(exporter, "exporter");
    requireNonNull(id, "id");
    Kernel peer = directory.kernel(exporter.node());
    return systemCall(caller, "import", () -> {
      caller.process().consume(cpu.cycles(parameters.importCycles()));
      PendingImport pending = new PendingImport(caller, exporter, id);
      ProcessId importer = caller.id();
      sendControl(peer.node, "import-request", p -> p.onImportRequest(importer, exporter, id,
          (buffer, refusal) -> p.sendControl(node, "import-reply", self -> {
            if (refusal != null) {
              pending.refuse(refusal);
            } else {
              completeImport(caller, pending, buffer);
            }
          })));
      return pending;
    });
  }

  /** Imports buffer {@code id} of {@code exporter}, waiting for the exporter's kernel. */
  public Import importBuffer(KernelProcess caller, ProcessId exporter, BufferId id) {
    return importAsync(caller, exporter, id).await();
  }

  private interface Reply {
    void send(RemoteBuffer buffer, VmmcException refusal);
  }

  private void onImportRequest(ProcessId importer, ProcessId exporter, BufferId id, Reply reply) {
    KernelProcess owner = liveProcess(exporter.pid());
    if (owner == null) {
      reply.send(null, new VmmcException(Reason.NO_SUCH_PROCESS, exporter + " does not exist"));
      return;
    }
    Export e = owner.exports.get(id);
    if (e == null) {
      reply.send(null, new VmmcException(Reason.NO_SUCH_EXPORT, exporter + " does not export "
          + id));
    } else if (!e.policy.allows(importer)) {
      count("imports-refused");
      reply.send(null, new VmmcException(Reason.PERMISSION_DENIED, exporter + " does not let "
          + importer + " import " + id));
    } else {
      e.importers.add(importer);
      reply.send(e.describe(), null);
    }
  }

  private void completeImport(KernelProcess caller, PendingImport pending, RemoteBuffer buffer) {
    if (caller.exited) {
      sendControl(buffer.exporter().node(), "unimport", peer -> peer.onUnimport(caller.id(),
          buffer));
      pending.refuse(new VmmcException(Reason.NO_SUCH_PROCESS, caller.id() + " has exited"));
      return;
    }
    int pages = driver.proxyPagesFor(buffer);
    long base = caller.nextProxyAddress;
    long end = base + (long) pages * geometry.pageSize();
    if (end > VirtualLayout.PROXY_LIMIT) {
      pending.refuse(new VmmcException(Reason.OUT_OF_MEMORY,
          "no proxy address space left for " + pages + " pages"));
      return;
    }
    ImportMapping mapping;
    try {
      mapping = driver.mapImport(caller.space, geometry.pageOf(VirtualAddress.of(base)), buffer);
    } catch (VmmcException refusal) {
      // The design has no room for the import (table entries, send pages); it mapped nothing.
      // The exporter still lists the importer, which is harmless: a revoke finds no mapping.
      pending.refuse(refusal);
      return;
    }
    caller.nextProxyAddress = end;
    Import imported = new Import(caller, buffer, mapping);
    caller.imports.add(imported);
    pending.complete(imported);
  }

  private void onRevoke(ProcessId importer, RemoteBuffer buffer, Runnable acknowledge) {
    KernelProcess p = processes.get(importer.pid());
    List<Import> found = new ArrayList<>();
    if (p != null) {
      for (Import i : p.imports) {
        if (i.buffer.exporter().equals(buffer.exporter()) && i.buffer.id().equals(buffer.id())
            && i.buffer.generation() == buffer.generation()) {
          found.add(i);
        }
      }
    }
    if (found.isEmpty()) {
      acknowledge.run();
      return;
    }
    // One acknowledgement once every import of the buffer by this process has drained.
    int[] remaining = {found.size()};
    Runnable oneDrained = () -> {
      if (--remaining[0] == 0) {
        acknowledge.run();
      }
    };
    for (Import i : found) {
      i.revoked = true;
      p.imports.remove(i);
      driver.unmapImport(p.space, i.mapping, automaticUpdates().unbindThrough(i, oneDrained));
    }
  }

  /** Undoes {@code imported}; returns once no transfer through it is outstanding. */
  public void unimport(KernelProcess caller, Import imported) {
    checkArgument(imported.owner == caller, "%s belongs to another process", imported);
    systemCall(caller, "unimport", () -> {
      caller.process().consume(cpu.cycles(parameters.unexportCycles()));
      if (!imported.revoked) {
        dropImport(caller, imported, true);
      }
      return null;
    });
  }

  private void dropImport(KernelProcess caller, Import imported, boolean wait) {
    imported.revoked = true;
    caller.imports.remove(imported);
    boolean[] drained = {false};
    Signal done = sim.signal("transfers through " + imported + " to drain");
    driver.unmapImport(caller.space, imported.mapping,
        automaticUpdates().unbindThrough(imported, () -> {
          drained[0] = true;
          done.signalAll();
        }));
    RemoteBuffer buffer = imported.buffer;
    sendControl(buffer.exporter().node(), "unimport", peer -> peer.onUnimport(caller.id(),
        buffer));
    if (wait) {
      caller.process().awaitUntil(done, () -> drained[0]);
    }
  }

  private void onUnimport(ProcessId importer, RemoteBuffer buffer) {
    KernelProcess owner = processes.get(buffer.exporter().pid());
    if (owner != null) {
      Export e = owner.exports.get(buffer.id());
      if (e != null && e.generation == buffer.generation()) {
        e.importers.remove(importer);
      }
    }
  }

  /** The processes that have imported {@code id} (approximate: imports in flight may be missing). */
  public Set<ProcessId> importers(KernelProcess caller, BufferId id) {
    return systemCall(caller, "importers", () -> {
      Export e = caller.exports.get(id);
      if (e == null) {
        throw new VmmcException(Reason.NO_SUCH_EXPORT, caller.id() + " does not export " + id);
      }
      return Set.copyOf(e.importers.elementSet());
    });
  }

  /**
   * Lets {@code duration} pass with {@code caller} idle: unlike computing, it gives the CPU to
   * other threads meanwhile (the trap of a real sleep call is not charged).
   */
  public void sleep(KernelProcess caller, SimDuration duration) {
    requireNonNull(duration, "duration");
    SimProcess p = caller.process();
    SimTime from = p.time();
    checkArgument(duration.compareTo(SimTime.MAX.since(from)) <= 0,
        "sleep of %s at %s would pass the largest simulated time %s", duration, from, SimTime.MAX);
    p.sleepUntil(from.plus(duration));
  }

  /** Blocks notifications for every buffer of {@code caller} (nests). */
  public void blockNotifications(KernelProcess caller) {
    caller.process();
    caller.notifications.block();
  }

  /** Undoes one {@link #blockNotifications}; queued notifications run once none is left. */
  public void unblockNotifications(KernelProcess caller) {
    caller.notifications.unblock(caller.process());
  }

  /** How deeply {@code process}'s notifications are blocked now. */
  public int notificationBlockDepth(KernelProcess process) {
    return process.notifications.blockDepth();
  }

  /** Notifications delivered to {@code process}'s handlers so far. */
  public long notificationsDelivered(KernelProcess process) {
    return process.notifications.delivered();
  }

  private void exit(KernelProcess p) {
    if (p.exited) {
      return;
    }
    for (Export e : List.copyOf(p.exports.values())) {
      withdraw(p, e, true);
    }
    for (Import i : List.copyOf(p.imports)) {
      dropImport(p, i, true);
    }
    for (KernelProcess.Allocation a : List.copyOf(p.allocations.values())) {
      userMemory.release(p, a);
    }
    p.allocations.clear();
    p.notifications.close();
    p.exited = true;
  }

  // ---- automatic update ----

  private AutomaticUpdates automaticUpdates;

  /**
   * Binds {@code length} bytes of {@code caller}'s memory at {@code local} (whole pages) for
   * automatic update to byte {@code offset} (a page multiple) of {@code destination}: a system
   * call after which every store to the region also goes to the buffer, combined as {@code
   * mode} says, each packet asking for a notification when {@code notify} is set. The region
   * and its destination must be whole pages, inside the page-aligned buffer, and not yet bound;
   * a design without automatic update refuses with an {@link UnsupportedOperationException}.
   */
  public AuBinding bindAutomaticUpdate(KernelProcess caller, VirtualAddress local, int length,
      Import destination, int offset, CombiningMode mode, boolean notify) {
    return automaticUpdates().bind(caller, local, length, destination, offset, mode, notify);
  }

  /**
   * Ends {@code binding} (a system call): later stores stay local; returns once the stores made
   * under it have left the network interface. Does nothing more for a binding already ended.
   */
  public void unbindAutomaticUpdate(KernelProcess caller, AuBinding binding) {
    automaticUpdates().unbind(caller, binding);
  }

  private AutomaticUpdates automaticUpdates() {
    if (automaticUpdates == null) {
      automaticUpdates = new AutomaticUpdates(this, driver, AutomaticUpdateParameters.DEFAULTS);
    }
    return automaticUpdates;
  }

  // ---- plumbing ----

  private interface PeerAction {
    void run(Kernel peer);
  }

  private void sendControl(NodeId to, String what, PeerAction action) {
    Kernel peer = directory.kernel(to);
    SimDuration handling = peer.cycles(peer.parameters.controlMessageCycles());
    Runnable handle = () -> sim.schedule(handling, "kernel " + to.value() + " " + what,
        () -> action.run(peer));
    if (to.equals(node)) {
      handle.run(); // a kernel talks to itself without the network
    } else {
      control.send(node, to, what, handle);
    }
  }

  SimDuration cycles(long n) {
    return cpu.cycles(n);
  }

  void count(String what) {
    metrics().counter("node" + node.value() + ".kernel." + what).increment();
  }

  private Metrics metrics() {
    return sim.metrics();
  }

  private final class Interrupts implements NicInterrupts {
    @Override
    public void notification(NodeId source, PhysicalAddress address, int length) {
      count("interrupts");
      scheduler.interrupt(service(), "node" + node.value() + " notification",
          () -> dispatch(source, address, length));
    }

    @Override
    public void droppedPacket(NodeId source, PhysicalAddress address, int length) {
      count("interrupts");
      count("dropped-packets");
      String report = sim.now() + ": dropped " + length + " bytes from " + source + " for "
          + address + " (frame not enabled for receiving)";
      scheduler.interrupt(service(), "node" + node.value() + " error interrupt",
          () -> dropReports.add(report));
    }

    @Override
    public void interruptService(SimDuration cpuTime, String what) {
      count("interrupt-service");
      scheduler.interrupt(cpuTime, "node" + node.value() + " " + what, () -> { });
    }

    /** The CPU time the kernel spends on one interrupt from the interface. */
    private SimDuration service() {
      return cycles(cpu.parameters().interruptEntryCycles()
          + parameters.interruptDispatchCycles() + cpu.parameters().interruptExitCycles());
    }
  }

  private void dispatch(NodeId source, PhysicalAddress address, int length) {
    ExportedFrames.Hit hit = exportedFrames.find(address);
    if (hit == null) {
      count("notifications-unclaimed");
      return;
    }
    Export e = hit.export();
    e.owner.notifications.enqueue(e.handler,
        new Notification(e.id, hit.offset(), length, source, sim.now()));
  }
}
