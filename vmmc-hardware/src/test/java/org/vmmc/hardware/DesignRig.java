package org.vmmc.hardware;

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
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.mesh.MeshModule;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareModule;
import org.vmmc.hardware.node.NodeHardwareParameters;

/**
 * Nodes of one network interface design on a mesh, with their default SHRIMP hardware and no
 * kernel: a test drives the design's driver and the CPU directly, as the kernel and user
 * library would.
 */
public final class DesignRig implements AutoCloseable {
  /** The simulator the nodes live in. */
  public final Simulator sim = new Simulator(3);
  private final List<Injector> nodes = new ArrayList<>();

  /** A {@code width} by {@code height} mesh of nodes, each with a fresh {@code design} module. */
  public DesignRig(Supplier<Module> design, int width, int height) {
    Injector root = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
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

  /** Node {@code index}'s instance of {@code type}. */
  public <T> T get(int index, Class<T> type) {
    return nodes.get(index).getInstance(type);
  }

  /** A new, empty address space on node {@code index}. */
  public AddressSpace space(int index, String owner) {
    return get(index, AddressSpaceFactory.class).create(owner);
  }

  /** Maps {@code page} of {@code space} to {@code frame} as user read-write memory. */
  public static void mapMemory(AddressSpace space, long page, long frame) {
    space.map(new PageNumber(page),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(frame))));
  }

  @Override
  public void close() {
    sim.close();
  }
}
