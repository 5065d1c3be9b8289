package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;
import org.vmmc.core.stats.CounterKey;

/**
 * A node's kernel: processes and their memory, system calls, and the VMMC control path.
 *
 * <p>Export, import, unexport and unimport are system calls; import and the teardown of an
 * export travel to the peer kernel over the control network (the Ethernet) as typed
 * {@link ControlMessage}s. The kernel programs the network interface only through the
 * design's {@link NicDriver}, and is never on the data path of a send: after an import, data
 * moves by user memory references alone. The node's processes time-share its CPU under a
 * {@code CpuScheduler}, which also gives the CPU to the kernel's interrupt handling.
 *
 * <p>The parts: {@link SystemCalls} (the trap), {@link Exporting} and {@link Importing} (the
 * two sides of the control path, over {@link ControlPath}), the {@link ExportTable} and each
 * process's {@link ImportTable}, {@link AutomaticUpdates}, the {@link InterruptHandler} and
 * {@link ProcessExit}. A user library calls it through {@link KernelCalls}.
 */
public final class Kernel implements KernelCalls {
  private final NodeId node;
  private final Simulator sim;
  private final Cpu cpu;
  private final PhysicalMemory memory;
  private final AddressSpaceFactory spaces;
  private final NicDriver driver;
  private final KernelParameters parameters;
  private final MemoryGeometry geometry;
  private final MemoryAllocator userMemory;
  final CpuScheduler scheduler;
  private final Map<Integer, KernelProcess> processes = new LinkedHashMap<>();
  /** The node's kernel counters, looked up once each: system calls and interrupts count often. */
  private final Map<CounterKey, Counter> counters = new HashMap<>();
  private final SystemCalls systemCalls;
  private final ControlPath controlPath;
  private final ExportTable exports;
  private final Exporting exporting;
  private final Importing importing;
  private final AutomaticUpdates automaticUpdates;
  private final InterruptHandler interrupts;
  private final ProcessExit processExit;
  private int nextPid;

  @Inject
  Kernel(NodeId node, Simulator sim, Cpu cpu, PhysicalMemory memory, AddressSpaceFactory spaces,
      NicDriver driver, ControlNetwork control, KernelDirectory directory,
      KernelParameters parameters, AutomaticUpdateParameters automaticUpdate) {
    this.node = node;
    this.sim = sim;
    this.cpu = cpu;
    this.memory = memory;
    this.spaces = spaces;
    this.driver = driver;
    this.parameters = parameters;
    this.geometry = memory.geometry();
    this.userMemory = new MemoryAllocator(memory, driver, parameters.reservedFrames());
    this.scheduler = new CpuScheduler(sim, node,
        cpu.cycles(cpu.parameters().contextSwitchCycles()), parameters.quantum(),
        driver::contextSwitched);
    this.systemCalls = new SystemCalls(this, cpu);
    this.controlPath = new ControlPath(this, sim, control, directory);
    this.exports = new ExportTable(driver, geometry);
    this.exporting = new Exporting(this, exports);
    this.importing = new Importing(this, driver);
    this.automaticUpdates = new AutomaticUpdates(this, driver, automaticUpdate);
    this.interrupts = new InterruptHandler(this, cpu, exports);
    this.processExit = new ProcessExit(this);
    driver.connect(interrupts);
    directory.register(this);
  }

  /** The node this kernel runs. */
  public NodeId node() {
    return node;
  }

  @Override
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

  /**
   * One line per packet the interface dropped and reported by an error interrupt, and per
   * notification dropped because its process had exited, in the order they happened.
   */
  public List<String> dropReports() {
    return interrupts.reports();
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
    p.main = sim.spawn(node, name, self -> scheduler.run(self, id, false, s -> {
      try {
        main.run(p);
      } finally {
        processExit.exit(p);
      }
    }));
    return p;
  }

  // ---- system calls ----

  @Override
  public VirtualAddress allocate(KernelProcess caller, int bytes) {
    checkArgument(bytes > 0, "allocation size must be positive: %s bytes", bytes);
    return systemCall(caller, SystemCall.ALLOCATE, () -> {
      int pages = geometry.pagesSpanned(0, bytes);
      VirtualAddress base = userMemory.allocate(caller, pages);
      caller.process().consume(cpu.cycles(parameters.allocateCyclesPerPage() * pages));
      return base;
    });
  }

  @Override
  public void free(KernelProcess caller, VirtualAddress base) {
    systemCall(caller, SystemCall.FREE, () -> {
      KernelProcess.Allocation a = caller.allocations.get(base.value());
      checkArgument(a != null, "%s is not the start of memory %s allocated", base, caller.id());
      long end = userMemory.end(a);
      for (Export e : exports.of(caller)) {
        checkState(!e.overlaps(a.base(), end),
            "cannot free memory at %s: it holds exported %s; unexport it first", base, e.id);
      }
      automaticUpdates.checkNoneIn(caller, a.base(), end);
      // Out of the table first: what follows may wait, and a second free must not find it.
      caller.allocations.remove(base.value());
      // A buffer or a binding on these pages whose end another thread of the process began
      // (an unexport waiting for importers, an unbind waiting for stores) may still be
      // reached from outside: the frames go only once it has finished.
      for (Teardown t : exporting.endingIn(caller, a.base(), end)) {
        t.await(caller.process());
      }
      for (Teardown t : automaticUpdates.endingIn(caller, a.base(), end)) {
        t.await(caller.process());
      }
      userMemory.release(caller, a);
      return null;
    });
  }

  @Override
  public Export export(KernelProcess caller, VirtualAddress start, int length, BufferId id,
      ImportPolicy policy, NotificationHandler handler) {
    requireNonNull(id, "id");
    requireNonNull(policy, "policy");
    checkArgument(length > 0, "buffer length must be positive: %s bytes", length);
    geometry.requireWordAligned(start.value(), "receive buffer start");
    geometry.requireWordAligned(length, "receive buffer length");
    return systemCall(caller, SystemCall.EXPORT,
        () -> exporting.export(caller, start, length, id, policy, handler));
  }

  @Override
  public void unexport(KernelProcess caller, Export export) {
    checkArgument(export.owner == caller, "%s belongs to another process", export);
    systemCall(caller, SystemCall.UNEXPORT, () -> {
      exporting.unexport(caller, export);
      return null;
    });
  }

  @Override
  public PendingImport importAsync(KernelProcess caller, ProcessId exporter, BufferId id) {
    requireNonNull(exporter, "exporter");
    requireNonNull(id, "id");
    controlPath.requireNode(exporter.node());
    return systemCall(caller, SystemCall.IMPORT, () -> importing.importAsync(caller, exporter, id));
  }

  @Override
  public Import importBuffer(KernelProcess caller, ProcessId exporter, BufferId id) {
    return importAsync(caller, exporter, id).await();
  }

  @Override
  public void unimport(KernelProcess caller, Import imported) {
    checkArgument(imported.owner == caller, "%s belongs to another process", imported);
    systemCall(caller, SystemCall.UNIMPORT, () -> {
      importing.unimport(caller, imported);
      return null;
    });
  }

  @Override
  public Set<ProcessId> importers(KernelProcess caller, BufferId id) {
    return systemCall(caller, SystemCall.IMPORTERS, () -> exporting.importers(caller, id));
  }

  @Override
  public AuBinding bindAutomaticUpdate(KernelProcess caller, VirtualAddress local, int length,
      Import destination, int offset, CombiningMode mode, boolean notify) {
    return automaticUpdates.bind(caller, local, length, destination, offset, mode, notify);
  }

  @Override
  public void unbindAutomaticUpdate(KernelProcess caller, AuBinding binding) {
    automaticUpdates.unbind(caller, binding);
  }

  @Override
  public void blockNotifications(KernelProcess caller) {
    caller.process();
    caller.notifications.block();
  }

  @Override
  public void unblockNotifications(KernelProcess caller) {
    caller.notifications.unblock(caller.process());
  }

  @Override
  public void sleep(KernelProcess caller, SimDuration duration) {
    requireNonNull(duration, "duration");
    SimProcess p = caller.process();
    SimTime from = p.time();
    checkArgument(duration.compareTo(SimTime.MAX.since(from)) <= 0,
        "sleep of %s at %s would pass the largest simulated time %s", duration, from, SimTime.MAX);
    p.sleepUntil(from.plus(duration));
  }

  // ---- the parts, for each other ----

  <T> T systemCall(KernelProcess caller, SystemCall call, Supplier<T> body) {
    return systemCalls.call(caller, call, body);
  }

  /** The process {@code pid} of this node, exited or not, or null. */
  KernelProcess process(int pid) {
    return processes.get(pid);
  }

  /** The process {@code pid} of this node, if it exists and has not begun to exit. */
  KernelProcess liveProcess(int pid) {
    KernelProcess p = processes.get(pid);
    return p == null || p.exiting ? null : p;
  }

  MemoryAllocator userMemory() {
    return userMemory;
  }

  ControlPath controlPath() {
    return controlPath;
  }

  ExportTable exports() {
    return exports;
  }

  Exporting exporting() {
    return exporting;
  }

  Importing importing() {
    return importing;
  }

  AutomaticUpdates automaticUpdates() {
    return automaticUpdates;
  }

  InterruptHandler interrupts() {
    return interrupts;
  }

  SimDuration cycles(long n) {
    return cpu.cycles(n);
  }

  void count(CounterKey what) {
    counters.computeIfAbsent(what, k -> sim.metrics().counter(node, k)).increment();
  }
}
