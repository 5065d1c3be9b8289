package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.kernel.AutomaticUpdateParameters;

/** The kernel charges the declared automatic-update costs, and the machine's builder sets them. */
class AutomaticUpdateCostTest {
  private static final int PAGES = 2;
  private static final BufferId INBOX = BufferId.of(1);

  /** How long binding and then unbinding a {@value #PAGES}-page region takes, in that order. */
  private static SimDuration[] bindAndUnbind(AutomaticUpdateParameters costs) {
    SimDuration[] times = new SimDuration[2];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(5).automaticUpdate(costs)
        .build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGES * 4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory out = p.allocate(PAGES * 4096);
        SimTime start = p.now();
        AutomaticUpdateBinding binding = p.vmmc().bindAutomaticUpdate(out, inbox, 0);
        SimTime bound = p.now();
        binding.close();
        times[0] = bound.since(start);
        times[1] = p.now().since(bound);
      });
      mc.run();
    }
    return times;
  }

  @Test
  void bindAndUnbindCostTheDeclaredCyclesPerPage() {
    AutomaticUpdateParameters defaults = AutomaticUpdateParameters.DEFAULTS;
    AutomaticUpdateParameters slower = defaults.toBuilder()
        .bindCyclesPerPage(defaults.bindCyclesPerPage() + 1_000)
        .unbindCyclesPerPage(defaults.unbindCyclesPerPage() + 500).build();

    SimDuration[] plain = bindAndUnbind(defaults);
    SimDuration[] slow = bindAndUnbind(slower);

    CpuParameters cpu = CpuParameters.pentium60();
    assertThat(slow[0].minus(plain[0])).isEqualTo(cpu.cycles(PAGES * 1_000));
    assertThat(slow[1].minus(plain[1])).isEqualTo(cpu.cycles(PAGES * 500));
  }
}
