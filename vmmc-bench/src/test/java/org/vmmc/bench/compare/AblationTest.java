package org.vmmc.bench.compare;

import org.vmmc.core.nic.SystemCall;
import org.vmmc.kernel.KernelCounter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuParameters;

class AblationTest {
  private static final MachineConfig PLAIN = MachineConfig.defaults().withMesh(2, 1);
  private static final CpuParameters CPU = PLAIN.hardware().cpu();

  private static Variant du(String design) {
    return Designs.onClassPath().find(design, "du").orElseThrow();
  }

  private static OneWay traced(String design, Ablation ablation, int bytes) {
    Variant v = du(design);
    return v.transfer().traceOneWay(ablation.measurements(v, PLAIN), bytes, 1);
  }

  private static SimDuration latency(String design, Ablation ablation, int bytes) {
    Variant v = du(design);
    Measurements m = ablation.measurements(v, PLAIN);
    return v.transfer().latency(m, bytes, 1, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shrimp1", "shrimp2"})
  void userLevelSendMakesNoSystemCallAndTakesNoInterrupt(String design) {
    OneWay plain = traced(design, Ablation.NONE, 4);

    assertThat(plain.senderSystemCalls()).isZero();
    assertThat(plain.receiverCount(KernelCounter.INTERRUPTS)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shrimp1", "shrimp2"})
  void systemCallPerSendTrapsOnEverySendAndCostsTheTrap(String design) {
    OneWay plain = traced(design, Ablation.NONE, 4);
    OneWay trapped = traced(design, Ablation.SYSTEM_CALL_PER_SEND, 4);
    SimDuration trap = CPU.cycles(CPU.trapEntryCycles()).plus(CPU.cycles(CPU.trapExitCycles()));

    assertThat(trapped.senderSystemCalls()).isEqualTo(1);
    assertThat(trapped.senderCount(SystemCall.SEND)).isEqualTo(1);
    assertThat(trapped.receiverCount(KernelCounter.INTERRUPTS)).isZero();
    assertThat(trapped.sendTime()).isEqualTo(plain.sendTime().plus(trap));
    // The trap into the kernel delays the message; the way out overlaps its transfer. The
    // receiver sees it at the end of a poll iteration, so the delay is known to within one.
    SimDuration poll = CPU.cycles(PLAIN.get(MachineConfig.LIBRARY).pollIterationCycles());
    assertThat(latency(design, Ablation.SYSTEM_CALL_PER_SEND, 4)
        .minus(latency(design, Ablation.NONE, 4)))
        .isBetween(CPU.cycles(CPU.trapEntryCycles()).minus(poll),
            CPU.cycles(CPU.trapEntryCycles()).plus(poll));
  }

  @ParameterizedTest
  @ValueSource(strings = {"shrimp1", "shrimp2"})
  void interruptPerArrivalInterruptsTheReceiverForEveryPacket(String design) {
    OneWay small = traced(design, Ablation.INTERRUPT_PER_ARRIVAL, 4);
    OneWay twoPages = traced(design, Ablation.INTERRUPT_PER_ARRIVAL, 8192);

    assertThat(small.receiverCount(KernelCounter.INTERRUPTS)).isEqualTo(1);
    assertThat(twoPages.receiverCount(KernelCounter.INTERRUPTS)).isEqualTo(2);
    assertThat(small.senderSystemCalls()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shrimp1", "shrimp2"})
  void interruptPerArrivalDelaysThePollByTheInterruptService(String design) {
    // The interrupt takes the receiver's CPU as the data lands, so the polling program sees
    // the data only once the kernel's handler has returned.
    SimDuration service = Experiment.interruptService(PLAIN);
    SimDuration poll = CPU.cycles(PLAIN.get(MachineConfig.LIBRARY).pollIterationCycles());

    SimDuration added = latency(design, Ablation.INTERRUPT_PER_ARRIVAL, 4)
        .minus(latency(design, Ablation.NONE, 4));

    assertThat(added).isBetween(service.minus(poll), service.plus(poll));
  }

  @Test
  void everyAblationRunsOnEveryDesignItAppliesToAndNoneElsewhere() {
    RunSettings settings = RunSettings.defaults(PLAIN, Designs.onClassPath().select(
        Set.of("shrimp1", "shrimp2", "conventional"), Set.of()));

    List<String> tasks = Experiment.ABLATION.tasks(settings).stream()
        .map(Task::description).toList();

    assertThat(tasks).containsExactly(
        "ablation shrimp1/du none 4 B", "ablation shrimp1/du none 4096 B",
        "ablation shrimp1/du syscall-per-send 4 B", "ablation shrimp1/du syscall-per-send 4096 B",
        "ablation shrimp1/du interrupt-per-arrival 4 B",
        "ablation shrimp1/du interrupt-per-arrival 4096 B",
        "ablation shrimp2/du none 4 B", "ablation shrimp2/du none 4096 B",
        "ablation shrimp2/du syscall-per-send 4 B", "ablation shrimp2/du syscall-per-send 4096 B",
        "ablation shrimp2/du interrupt-per-arrival 4 B",
        "ablation shrimp2/du interrupt-per-arrival 4096 B");
  }

  @Test
  void aDesignNoAblationAppliesToIsLeftOut() {
    RunSettings settings = RunSettings.defaults(PLAIN,
        List.of(Designs.onClassPath().find("conventional", "kernel").orElseThrow()));

    assertThat(Experiment.ABLATION.tasks(settings)).isEmpty();
  }

  @Test
  void theRowGroupsAreThePlainDesignAndEachOfTheLibrarysAblations() {
    assertThat(Ablation.ALL).containsExactly(Ablation.NONE, Ablation.SYSTEM_CALL_PER_SEND,
        Ablation.INTERRUPT_PER_ARRIVAL);
    assertThat(Ablation.ALL).extracting(Ablation::name)
        .containsExactly("none", "syscall-per-send", "interrupt-per-arrival");
    assertThat(Ablation.SYSTEM_CALL_PER_SEND.label()).isEqualTo("+ system call per send");
  }
}
