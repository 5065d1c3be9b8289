package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.kernel.KernelCounter;

class AblationSwitchTest {
  private static final MachineConfig PLAIN = MachineConfig.defaults().withMesh(2, 1);
  private static final Variant SHRIMP2_DU = Variants.find("shrimp2", "du").orElseThrow();
  private static final CpuParameters CPU = PLAIN.hardware().cpu();

  private static OneWay traced(Ablation ablation, int bytes) {
    MachineConfig config = ablation.change().apply(PLAIN);
    return SHRIMP2_DU.transfer().traceOneWay(SHRIMP2_DU.measurements(config), bytes, 1);
  }

  private static SimDuration latency(Ablation ablation, int bytes) {
    Measurements m = SHRIMP2_DU.measurements(ablation.change().apply(PLAIN));
    return SHRIMP2_DU.transfer().latency(m, bytes, 1, 2);
  }

  @Test
  void switchesAreOffByDefault() {
    assertThat(PLAIN.get(MachineConfig.LIBRARY).systemCallPerSend()).isFalse();
    assertThat(PLAIN.get(MachineConfig.SHRIMP2).interruptEveryArrival()).isFalse();
  }

  @Test
  void userLevelSendMakesNoSystemCallAndTakesNoInterrupt() {
    OneWay plain = traced(Ablation.NONE, 4);

    assertThat(plain.senderSystemCalls()).isZero();
    assertThat(plain.count(NodeId.of(1), KernelCounter.INTERRUPTS)).isZero();
  }

  @Test
  void systemCallPerSendTrapsOnEverySendAndCostsTheTrap() {
    OneWay plain = traced(Ablation.NONE, 4);
    OneWay trapped = traced(Ablation.SYSTEM_CALL_PER_SEND, 4);
    SimDuration trap = CPU.cycles(CPU.trapEntryCycles()).plus(CPU.cycles(CPU.trapExitCycles()));

    assertThat(trapped.senderSystemCalls()).isEqualTo(1);
    assertThat(trapped.count(NodeId.of(0), SystemCall.SEND)).isEqualTo(1);
    assertThat(trapped.sendTime()).isEqualTo(plain.sendTime().plus(trap));
    // The trap into the kernel delays the message; the way out overlaps its transfer. The
    // receiver sees it at the end of a poll iteration, so the delay is known to within one.
    SimDuration poll = CPU.cycles(PLAIN.get(MachineConfig.LIBRARY).pollIterationCycles());
    assertThat(latency(Ablation.SYSTEM_CALL_PER_SEND, 4).minus(latency(Ablation.NONE, 4)))
        .isBetween(CPU.cycles(CPU.trapEntryCycles()).minus(poll),
            CPU.cycles(CPU.trapEntryCycles()).plus(poll));
  }

  @Test
  void interruptPerArrivalInterruptsTheReceiverForEveryPacket() {
    OneWay small = traced(Ablation.INTERRUPT_PER_ARRIVAL, 4);
    OneWay twoPages = traced(Ablation.INTERRUPT_PER_ARRIVAL, 8192);

    assertThat(small.count(NodeId.of(1), KernelCounter.INTERRUPTS)).isEqualTo(1);
    assertThat(twoPages.count(NodeId.of(1), KernelCounter.INTERRUPTS)).isEqualTo(2);
    assertThat(small.senderSystemCalls()).isZero();
  }

  @Test
  void interruptPerArrivalDelaysThePollByTheInterruptService() {
    // The interrupt takes the receiver's CPU as the data lands, so the polling program sees
    // the data only once the kernel's handler has returned.
    SimDuration service = Experiment.interruptService(PLAIN);
    SimDuration poll = CPU.cycles(PLAIN.get(MachineConfig.LIBRARY).pollIterationCycles());

    SimDuration added = latency(Ablation.INTERRUPT_PER_ARRIVAL, 4)
        .minus(latency(Ablation.NONE, 4));

    assertThat(added).isBetween(service.minus(poll), service.plus(poll));
  }
}
