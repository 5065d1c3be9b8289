package org.vmmc.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.hardware.mesh.MeshModule;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareModule;
import org.vmmc.hardware.node.NodeHardwareParameters;

/**
 * Nodes of one network interface design on a mesh, with their default SHRIMP hardware and no
 * kernel: a test drives the design's driver and the CPU directly, as the kernel and user
 * library would, and looks at the nodes' memory and counters. Each node has its own child
 * injector holding the node hardware and a fresh instance of the design's module, as in a
 * {@link org.vmmc.userlib.Multicomputer}; nothing is created before it is asked for.
 *
 * <pre>{@code
 * try (DesignRig rig = new DesignRig(MyDesignModule::new, 2, 1)) {
 *   rig.driver(0).enableReceive(new FrameNumber(400), false);
 *   AddressSpace sender = rig.space(1, "sender");
 *   ...
 *   rig.simulator().spawn("sender", p -> rig.cpu(1).store(p, sender, address, 42));
 *   rig.simulator().run();
 * }
 * }</pre>
 */
public final class DesignRig implements AutoCloseable {
  /** The seed of the rig's simulator when none is given. */
  public static final long DEFAULT_SEED = 3;

  private final Simulator sim;
  private final List<Injector> nodes = new ArrayList<>();

  /** A {@code width} by {@code height} mesh of nodes, each with a fresh {@code design} module. */
  public DesignRig(Supplier<? extends Module> design, int width, int height) {
    this(design, width, height, DEFAULT_SEED);
  }

  /** Like {@link #DesignRig(Supplier, int, int)}, with a simulator seeded with {@code seed}. */
  public DesignRig(Supplier<? extends Module> design, int width, int height, long seed) {
    requireNonNull(design, "design");
    this.sim = new Simulator(seed);
    Injector root = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        binder().requireExplicitBindings();
        bind(Simulator.class).toInstance(sim);
      }
    }, new MeshModule(MeshParameters.paragon(width, height)));
    for (int i = 0; i < width * height; i++) {
      NodeId id = NodeId.of(i);
      nodes.add(root.createChildInjector(new AbstractModule() {
        @Override
        protected void configure() {
          bind(NodeId.class).toInstance(id);
        }
      }, new NodeHardwareModule(NodeHardwareParameters.shrimp()), design.get()));
    }
  }

  /** The simulator the nodes live in: spawn the test's processes on it and run it. */
  public Simulator simulator() {
    return sim;
  }

  /** The number of nodes. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Node {@code index}'s instance of {@code type}, from its injector. */
  public <T> T get(int index, Class<T> type) {
    checkArgument(index >= 0 && index < nodes.size(),
        "node index %s is outside the %s nodes of the rig", index, nodes.size());
    return nodes.get(index).getInstance(type);
  }

  /** Node {@code index}'s kernel driver of the design (not yet connected to interrupts). */
  public NicDriver driver(int index) {
    return get(index, NicDriver.class);
  }

  /** Node {@code index}'s physical memory. */
  public PhysicalMemory memory(int index) {
    return get(index, PhysicalMemory.class);
  }

  /** Node {@code index}'s CPU. */
  public Cpu cpu(int index) {
    return get(index, Cpu.class);
  }

  /** A new, empty address space on node {@code index}, named after {@code owner}. */
  public AddressSpace space(int index, String owner) {
    return get(index, AddressSpaceFactory.class).create(owner);
  }

  /** The value of node {@code index}'s counter {@code key} now, zero when nothing was counted. */
  public long counter(int index, CounterKey key) {
    return sim.metrics().value(NodeId.of(index), key);
  }

  /** Maps virtual page {@code page} of {@code space} to {@code frame} as user read-write memory. */
  public static void mapMemory(AddressSpace space, long page, long frame) {
    space.map(new PageNumber(page),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(frame))));
  }

  /** Ends every simulated process still blocked. */
  @Override
  public void close() {
    sim.close();
  }
}
