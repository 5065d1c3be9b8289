package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.Simulator;
import org.vmmc.kernel.Kernel;

/**
 * One node of a simulated multicomputer, as a program that holds the machine sees it: its id,
 * its design, and the processes it spawns. Its kernel and hardware stay inside the library;
 * tests look at them through the read-only {@link Inspector}.
 */
public final class Node {
  private final NodeId id;
  private final Injector injector;
  private final Kernel kernel;
  private final UserAccessPath accessPath;
  private final LibraryParameters library;
  private final ObserverGuard observers;
  private final Signal memoryWritten;

  Node(NodeId id, Injector injector, LibraryParameters library, ObserverGuard observers) {
    this.id = id;
    this.injector = injector;
    this.kernel = injector.getInstance(Kernel.class);
    this.accessPath = injector.getInstance(LibrarySend.KEY);
    this.library = library;
    this.observers = observers;
    this.memoryWritten = kernel.simulator().signal("a write to node " + id.value()
        + "'s memory");
    kernel.memory().addWriteListener((address, length) -> memoryWritten.signalAll());
  }

  /** The node's id. */
  public NodeId id() {
    return id;
  }

  /** The node's network interface design. */
  public NicDesign design() {
    return kernel.design();
  }

  /** Spawns a user process running {@code program}; it starts when the machine runs. */
  public VmmcProcess spawn(String name, UserProgram program) {
    requireNonNull(program, "program");
    checkState(!observers.active(),
        "%s cannot spawn %s from an inspector observer or an event tracer, which may only look",
        this, name);
    VmmcProcess process = new VmmcProcess(this);
    process.bind(kernel.spawn(name, kp -> process.runAsMain(program)));
    return process;
  }

  /** The node's kernel (for the library and its tests only). */
  Kernel kernel() {
    return kernel;
  }

  /** The node's physical memory (for the library and its tests only). */
  PhysicalMemory memory() {
    return kernel.memory();
  }

  /** Looks up {@code type} in the node's injector (for fault-injecting tests only). */
  <T> T instance(Class<T> type) {
    return injector.getInstance(type);
  }

  Simulator simulator() {
    return kernel.simulator();
  }

  ObserverGuard observers() {
    return observers;
  }

  UserAccessPath accessPath() {
    return accessPath;
  }

  LibraryParameters library() {
    return library;
  }

  Signal memoryWritten() {
    return memoryWritten;
  }

  @Override
  public String toString() {
    return id + " (" + design().name() + ")";
  }
}
