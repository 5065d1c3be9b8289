package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.kernel.KernelProcess;

/**
 * The one door through which tests and tools look inside a machine
 * ({@link Multicomputer#inspector()}): physical memory, address translations, frames in use,
 * drop reports, exits, counters and the clock. Everything is read-only and costs no simulated
 * time; nothing here hands out a kernel or hardware object, so holding the machine gives a
 * program no way to change another process's memory. Observers run inside the simulation and
 * may only look: calls on a process from them are refused.
 */
public final class Inspector {
  private final Simulator sim;
  private final List<Node> nodes;
  private final ObserverGuard guard;

  Inspector(Simulator sim, List<Node> nodes, ObserverGuard guard) {
    this.sim = sim;
    this.nodes = nodes;
    this.guard = guard;
  }

  /** A copy of {@code length} bytes of {@code node}'s physical memory at {@code address}. */
  public byte[] readPhysical(NodeId node, PhysicalAddress address, int length) {
    requireNonNull(address, "address");
    PhysicalMemory memory = node(node).memory();
    checkArgument(length >= 0, "byte count must not be negative: %s", length);
    checkArgument(address.value() + length <= memory.sizeBytes(),
        "%s bytes at %s reach past the end of node %s's %s-byte memory", length, address,
        node.value(), memory.sizeBytes());
    byte[] bytes = new byte[length];
    memory.read(address, bytes, 0, length);
    return bytes;
  }

  /**
   * Calls {@code observer} after every later write to {@code node}'s physical memory (CPU
   * stores that reach memory, incoming DMA, the kernel's zeroing), with the written range.
   */
  public void onMemoryWrite(NodeId node, MemoryWriteObserver observer) {
    requireNonNull(observer, "observer");
    NodeId id = node(node).id();
    node(node).memory().addWriteListener((address, length) ->
        guard.run(() -> observer.written(id, address, length)));
  }

  /**
   * The physical address behind {@code address} of {@code process}'s ordinary (non-device)
   * memory, if a present page maps it now; empty for proxy and device pages, unmapped pages
   * and exited processes.
   */
  public Optional<PhysicalAddress> physicalAddress(ProcessId process, VirtualAddress address) {
    requireNonNull(address, "address");
    KernelProcess kp = kernelProcess(process);
    if (kp.hasExited()) {
      return Optional.empty();
    }
    MemoryGeometry geometry = kp.addressSpace().geometry();
    Optional<PageTableEntry> entry = kp.addressSpace().entry(geometry.pageOf(address));
    if (entry.isPresent() && entry.get().present()
        && entry.get().target() instanceof MemoryFrame(var frame)) {
      return Optional.of(geometry.baseOf(frame)
          .plus(geometry.offsetInPage(address.value())));
    }
    return Optional.empty();
  }

  /** Frames of user memory in use on {@code node}. */
  public int framesInUse(NodeId node) {
    return node(node).kernel().framesInUse();
  }

  /** One line per packet {@code node}'s network interface dropped and reported. */
  public List<String> dropReports(NodeId node) {
    return List.copyOf(node(node).kernel().dropReports());
  }

  /** True once {@code process} has exited and its resources are released. */
  public boolean hasExited(ProcessId process) {
    return kernelProcess(process).hasExited();
  }

  /** Simulated time now. */
  public SimTime now() {
    return sim.now();
  }

  /** The value of {@code node}'s counter {@code key} now, zero when nothing was counted. */
  public long counter(NodeId node, CounterKey key) {
    return sim.metrics().value(node(node).id(), requireNonNull(key, "key"));
  }

  /** The value of the machine-wide counter {@code key} now (the mesh's, say). */
  public long counter(CounterKey key) {
    return sim.metrics().value(requireNonNull(key, "key"));
  }

  /** A snapshot of every counter now, by dotted name (as {@link RunResult#counters()}). */
  public SortedMap<String, Long> counters() {
    return sim.metrics().counterValues();
  }

  private Node node(NodeId id) {
    requireNonNull(id, "node");
    checkArgument(id.value() < nodes.size(), "%s is outside the %s-node machine", id,
        nodes.size());
    return nodes.get(id.value());
  }

  private KernelProcess kernelProcess(ProcessId process) {
    requireNonNull(process, "process");
    return node(process.node()).kernel().processes().stream()
        .filter(kp -> kp.id().equals(process)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(process + " was never spawned on "
            + process.node() + ", which has spawned "
            + node(process.node()).kernel().processes().size() + " processes"));
  }
}
