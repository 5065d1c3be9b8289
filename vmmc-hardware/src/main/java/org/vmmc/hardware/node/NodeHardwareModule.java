package org.vmmc.hardware.node;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.MemoryBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.sim.Simulator;

/**
 * Binds one node's hardware: {@link PhysicalMemory}, {@link MemoryBus} (Xpress),
 * {@link IoBus} (EISA), {@link Cpu} (Pentium) and an {@link AddressSpaceFactory}, each a
 * singleton of the injector it is installed in, and the {@link ArrivalInterruptPolicy} the
 * network interface's receive path follows: by default {@link
 * ArrivalInterruptPolicy#AS_REQUESTED}, which a module may replace through {@link
 * OptionalBinder#setBinding()}.
 *
 * <p>Install it once per node inside that node's {@code PrivateModule}, which must also bind
 * the node's {@link NodeId}; the enclosing injector binds the {@link Simulator}.
 *
 * <pre>{@code
 * new PrivateModule() {
 *   protected void configure() {
 *     bind(NodeId.class).toInstance(NodeId.of(3));
 *     install(new NodeHardwareModule(NodeHardwareParameters.shrimp()));
 *     bind(Cpu.class).annotatedWith(Names.named("node3")).to(Cpu.class);
 *     expose(Cpu.class).annotatedWith(Names.named("node3"));
 *   }
 * }
 * }</pre>
 */
public final class NodeHardwareModule extends AbstractModule {
  private final NodeHardwareParameters parameters;

  /** A module for a node built from {@code parameters}. */
  public NodeHardwareModule(NodeHardwareParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ArrivalInterruptPolicy.class).setDefault()
        .toInstance(ArrivalInterruptPolicy.AS_REQUESTED);
  }

  @Provides
  @Singleton
  PhysicalMemory physicalMemory() {
    return new LazyPhysicalMemory(parameters.memoryBytes(), parameters.geometry());
  }

  @Provides
  @Singleton
  MemoryBus memoryBus(Simulator sim, NodeId node, PhysicalMemory memory) {
    return new XpressBus(sim, node, memory, parameters.memoryBus());
  }

  @Provides
  @Singleton
  IoBus ioBus(Simulator sim, NodeId node) {
    return new EisaBus(sim, node, parameters.ioBus());
  }

  @Provides
  @Singleton
  Cpu cpu(Simulator sim, NodeId node, PhysicalMemory memory, MemoryBus bus) {
    return new PentiumCpu(sim, node, memory, bus, parameters.cpu());
  }

  @Provides
  @Singleton
  AddressSpaceFactory addressSpaceFactory(PhysicalMemory memory) {
    return new PageTableFactory(memory);
  }
}
