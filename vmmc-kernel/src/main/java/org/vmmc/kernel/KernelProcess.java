package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;

/**
 * A process as its node's kernel knows it: its address space, its memory, what it exports and
 * imports, and its notification state. The user library acts on its behalf.
 */
public final class KernelProcess implements UserContext {
  /** A region of user memory the kernel allocated. */
  record Allocation(long base, int pages) {}

  final Kernel kernel;
  private final ProcessId id;
  private final String name;
  final AddressSpace space;
  final TreeMap<Long, Allocation> allocations = new TreeMap<>();
  final Map<BufferId, Export> exports = new LinkedHashMap<>();
  final ImportTable imports = new ImportTable();
  final NotificationDispatcher notifications;
  SimProcess main;
  long nextUserAddress;
  long nextProxyAddress;
  long systemCalls;
  /** Set once the process's code (main and handlers) has finished and teardown has begun. */
  boolean exiting;
  boolean exited;

  KernelProcess(Kernel kernel, ProcessId id, String name, AddressSpace space,
      long userBase, long proxyBase) {
    this.kernel = kernel;
    this.id = id;
    this.name = name;
    this.space = space;
    this.nextUserAddress = userBase;
    this.nextProxyAddress = proxyBase;
    this.notifications = new NotificationDispatcher(this);
  }

  @Override
  public ProcessId id() {
    return id;
  }

  /** The process's name. */
  public String name() {
    return name;
  }

  /** The kernel of the node the process runs on. */
  Kernel kernel() {
    return kernel;
  }

  /**
   * The simulated thread of this process whose code is running now: the process's own, or
   * its notification context while a handler runs.
   */
  @Override
  public SimProcess process() {
    SimProcess current = kernel.simulator().currentProcess();
    // Not checkState: describing the caller would run on every library call.
    if (current == null || (current != main && !notifications.isContext(current))) {
      throw new IllegalStateException(lenientFormat(
          "%s's library was called from outside the process (from %s)", id,
          kernel.simulator().describeCaller()));
    }
    return current;
  }

  @Override
  public AddressSpace addressSpace() {
    return space;
  }

  @Override
  public Cpu cpu() {
    return kernel.cpu();
  }

  @Override
  public <T> T systemCall(SystemCall call, Supplier<T> body) {
    return kernel.systemCall(this, call, body);
  }

  /** System calls this process has made. */
  public long systemCalls() {
    return systemCalls;
  }

  /** True once the process has exited and its resources are released. */
  public boolean hasExited() {
    return exited;
  }

  @Override
  public String toString() {
    return name + " (" + id + ")";
  }
}
