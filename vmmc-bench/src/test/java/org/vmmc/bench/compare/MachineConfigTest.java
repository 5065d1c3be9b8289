package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

class MachineConfigTest {
  private static final MachineConfig SMALL = MachineConfig.defaults().withMesh(2, 1);

  /** How long node 1's kernel takes to bind one page for automatic update on {@code config}. */
  private static SimDuration bindTime(MachineConfig config) {
    SimDuration[] time = new SimDuration[1];
    try (Multicomputer mc = config.build(new Shrimp2Module(config.get(Shrimp2Parameters.PARAMETERS)))) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(4096), BufferId.of(1), ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        UserMemory out = p.allocate(4096);
        SimTime start = p.now();
        p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        time[0] = p.now().since(start);
      });
      mc.run();
    }
    return time[0];
  }

  @Test
  void anAutomaticUpdateCostSetByNameReachesTheKernel() {
    MachineConfig slower = Designs.onClassPath().catalog().apply(SMALL, "au.bind-cycles-per-page=900");

    SimDuration extra = bindTime(slower).minus(bindTime(SMALL));

    assertThat(extra).isEqualTo(SMALL.hardware().cpu().cycles(600));
  }

  @Test
  void theNodeFiguresTakeTheProcessorAndBusesOfTheirOwnSets() {
    MachineConfig c = Designs.onClassPath().catalog().apply(
        Designs.onClassPath().catalog().apply(SMALL, "cpu.trap-entry-cycles=10"),
        "node.memory-bytes=1048576");

    assertThat(c.hardware().cpu()).isEqualTo(c.get(MachineConfig.CPU));
    assertThat(c.hardware().cpu().trapEntryCycles()).isEqualTo(10);
    assertThat(c.hardware().memoryBytes()).isEqualTo(1 << 20);
    assertThat(c.hardware().ioBus()).isEqualTo(c.get(MachineConfig.EISA));
  }

  @Test
  void aRecordOfAnotherSetIsRefused() {
    assertThatThrownBy(() -> new MachineConfig(2, 1, 1,
        Map.of(MachineConfig.CPU, MachineConfig.KERNEL.defaults())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter set cpu holds CpuParameters records, not KernelParameters");
  }
}
