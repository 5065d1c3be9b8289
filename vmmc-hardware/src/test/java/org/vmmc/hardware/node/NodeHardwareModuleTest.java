package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.PrivateModule;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Names;
import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.AddressSpaceFactory;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.IoBusCounter;
import org.vmmc.core.hw.MemoryBus;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.sim.Simulator;

class NodeHardwareModuleTest {
  private static final NodeHardwareParameters SMALL =
      NodeHardwareParameters.shrimp().toBuilder().memoryBytes(1 << 20).build();

  /** A node's private module exposing its parts under the name "nodeN". */
  private static PrivateModule node(int id, NodeHardwareParameters parameters) {
    return new PrivateModule() {
      @Override
      protected void configure() {
        bind(NodeId.class).toInstance(NodeId.of(id));
        install(new NodeHardwareModule(parameters));
        exposeNamed(PhysicalMemory.class);
        exposeNamed(MemoryBus.class);
        exposeNamed(IoBus.class);
        exposeNamed(Cpu.class);
        exposeNamed(AddressSpaceFactory.class);
      }

      private <T> void exposeNamed(Class<T> type) {
        Key<T> named = Key.get(type, Names.named("node" + id));
        bind(named).to(type);
        expose(named);
      }
    };
  }

  private static <T> T part(Injector injector, Class<T> type, int node) {
    return injector.getInstance(Key.get(type, Names.named("node" + node)));
  }

  private static Injector machine(Simulator sim) {
    return Guice.createInjector(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Simulator.class).toInstance(sim);
          }
        },
        node(0, SMALL),
        node(1, SMALL.toBuilder()
            .cpu(CpuParameters.pentium60().toBuilder().uncachedIoCycles(45).build()).build()),
        new ControlNetworkModule(ControlNetworkParameters.ethernet()));
  }

  @Test
  void eachNodeGetsItsOwnPartsAndEachPartIsOnePerNode() {
    try (Simulator sim = new Simulator(1)) {
      Injector injector = machine(sim);
      PhysicalMemory memory0 = part(injector, PhysicalMemory.class, 0);
      assertThat(part(injector, PhysicalMemory.class, 0)).isSameAs(memory0);
      assertThat(part(injector, PhysicalMemory.class, 1)).isNotSameAs(memory0);
      assertThat(part(injector, Cpu.class, 0)).isSameAs(part(injector, Cpu.class, 0));
      assertThat(part(injector, MemoryBus.class, 0))
          .isNotSameAs(part(injector, MemoryBus.class, 1));
      assertThat(part(injector, IoBus.class, 1)).isSameAs(part(injector, IoBus.class, 1));
      assertThat(injector.getInstance(ControlNetwork.class))
          .isSameAs(injector.getInstance(ControlNetwork.class));
    }
  }

  @Test
  void partsAreBuiltFromTheNodesParameters() {
    try (Simulator sim = new Simulator(1)) {
      Injector injector = machine(sim);
      assertThat(part(injector, PhysicalMemory.class, 0).sizeBytes()).isEqualTo(1 << 20);
      assertThat(part(injector, PhysicalMemory.class, 0).backedFrameCount()).isZero();
      assertThat(part(injector, Cpu.class, 0).parameters()).isEqualTo(CpuParameters.pentium60());
      assertThat(part(injector, Cpu.class, 1).parameters().uncachedIoCycles()).isEqualTo(45);
      assertThat(part(injector, IoBus.class, 0).parameters()).isEqualTo(SMALL.ioBus());
      assertThat(part(injector, MemoryBus.class, 0).parameters()).isEqualTo(SMALL.memoryBus());
      part(injector, IoBus.class, 1).reserve(8);
      assertThat(sim.metrics().value(NodeId.of(1), IoBusCounter.TRANSFERS)).isEqualTo(1);
      assertThat(sim.metrics().value(NodeId.of(0), IoBusCounter.TRANSFERS)).isZero();
    }
  }

  @Test
  void addressSpacesAreCheckedAgainstTheNodesMemory() {
    try (Simulator sim = new Simulator(1)) {
      AddressSpace space = part(machine(sim), AddressSpaceFactory.class, 0).create("process 0.1");
      assertThatThrownBy(() -> space.map(new PageNumber(0),
          PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(256)))))
          .hasMessage("frame 256 is beyond physical memory of 256 frames");
    }
  }

  @Test
  void theReceiveInterruptsAreAsRequestedUnlessAModuleBindsAnotherPolicy() {
    try (Simulator sim = new Simulator(1)) {
      Module node = new AbstractModule() {
        @Override
        protected void configure() {
          bind(Simulator.class).toInstance(sim);
          bind(NodeId.class).toInstance(NodeId.of(0));
          install(new NodeHardwareModule(SMALL));
        }
      };
      Module everyArrival = binder -> OptionalBinder.newOptionalBinder(binder,
          ArrivalInterruptPolicy.class).setBinding().toInstance(
              ArrivalInterruptPolicy.EVERY_ARRIVAL);

      assertThat(Guice.createInjector(node).getInstance(ArrivalInterruptPolicy.class))
          .isSameAs(ArrivalInterruptPolicy.AS_REQUESTED);
      assertThat(Guice.createInjector(node, everyArrival)
          .getInstance(ArrivalInterruptPolicy.class))
          .isSameAs(ArrivalInterruptPolicy.EVERY_ARRIVAL);
    }
  }

  @Test
  void shrimpPresetIsA64MegabyteNodeAndSizesAreChecked() {
    assertThat(NodeHardwareParameters.shrimp().memoryBytes()).isEqualTo(64L << 20);
    assertThatThrownBy(() -> NodeHardwareParameters.shrimp().toBuilder().memoryBytes(1000)
        .build())
        .hasMessage("memory size 1000 bytes is not a whole number of 4096-byte pages");
    assertThatThrownBy(() -> NodeHardwareParameters.shrimp().toBuilder().memoryBytes(8L << 30)
        .build())
        .hasMessage("memory size 8589934592 bytes exceeds the physical address space of"
            + " 4294967296 bytes");
  }
}
