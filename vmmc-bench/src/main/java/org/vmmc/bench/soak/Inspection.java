package org.vmmc.bench.soak;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.kernel.KernelProcess;
import org.vmmc.userlib.Multicomputer;

/**
 * The read-only view of a machine the oracle needs, with the method names of the user
 * library's inspection door ({@code Multicomputer.inspector()}), so that moving to that door is
 * an edit of this file alone. Nothing here changes machine state or costs simulated time.
 */
final class Inspection {
  /** Told of every write to a node's physical memory, with the range written. */
  @FunctionalInterface
  interface MemoryWriteObserver {
    /** {@code length} bytes at {@code address} of {@code node}'s memory were just written. */
    void written(NodeId node, PhysicalAddress address, int length);
  }

  private final Multicomputer machine;
  private final Map<ProcessId, KernelProcess> processes = new HashMap<>();

  Inspection(Multicomputer machine) {
    this.machine = requireNonNull(machine, "machine");
  }

  /** A copy of {@code length} bytes of {@code node}'s physical memory at {@code address}. */
  byte[] readPhysical(NodeId node, PhysicalAddress address, int length) {
    byte[] bytes = new byte[length];
    machine.node(node.value()).memory().read(address, bytes, 0, length);
    return bytes;
  }

  /** Calls {@code observer} after every write to {@code node}'s physical memory. */
  void onMemoryWrite(NodeId node, MemoryWriteObserver observer) {
    requireNonNull(observer, "observer");
    machine.node(node.value()).memory().addWriteListener(
        (address, length) -> observer.written(node, address, length));
  }

  /** The physical address behind {@code address} of {@code process}'s ordinary memory, if mapped. */
  Optional<PhysicalAddress> physicalAddress(ProcessId process, VirtualAddress address) {
    KernelProcess p = kernelProcess(process);
    MemoryGeometry geometry = machine.node(process.node().value()).memory().geometry();
    Optional<PageTableEntry> entry = p.addressSpace().entry(geometry.pageOf(address));
    if (entry.isPresent() && entry.get().target() instanceof MemoryFrame(var frame)) {
      return Optional.of(geometry.baseOf(frame).plus(geometry.offsetInPage(address.value())));
    }
    return Optional.empty();
  }

  /** Frames of user memory in use on {@code node}. */
  int framesInUse(NodeId node) {
    return machine.node(node.value()).kernel().framesInUse();
  }

  /** One line per packet {@code node}'s interface dropped and reported. */
  List<String> dropReports(NodeId node) {
    return machine.node(node.value()).kernel().dropReports();
  }

  /** True once {@code process} has exited and its resources are released. */
  boolean hasExited(ProcessId process) {
    return kernelProcess(process).hasExited();
  }

  /** Simulated time now. */
  SimTime now() {
    return machine.simulator().now();
  }

  private KernelProcess kernelProcess(ProcessId process) {
    KernelProcess found = processes.get(process);
    if (found == null) {
      for (KernelProcess p : machine.node(process.node().value()).kernel().processes()) {
        processes.put(p.id(), p);
      }
      found = processes.get(process);
    }
    if (found == null) {
      throw new IllegalArgumentException(process + " was never spawned");
    }
    return found;
  }
}
