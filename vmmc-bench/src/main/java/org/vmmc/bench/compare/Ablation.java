package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A change to SHRIMP-II that puts back a cost VMMC avoids, to measure what it saves.
 *
 * @param name the short name results use
 * @param label what tables and charts call it
 * @param change how the configuration changes
 */
public record Ablation(String name, String label, UnaryOperator<MachineConfig> change) {

  /** The design as it is. */
  public static final Ablation NONE = new Ablation("none", "VMMC as designed", c -> c);

  /** A system call wrapped around every send, as a kernel-mediated send path would need. */
  public static final Ablation SYSTEM_CALL_PER_SEND = new Ablation("syscall-per-send",
      "+ system call per send",
      c -> c.with(MachineConfig.LIBRARY,
          c.get(MachineConfig.LIBRARY).toBuilder().systemCallPerSend(true).build()));

  /** An interrupt for every arriving packet, as an interface that needs the kernel would. */
  public static final Ablation INTERRUPT_PER_ARRIVAL = new Ablation("interrupt-per-arrival",
      "+ interrupt per arrival",
      c -> c.with(MachineConfig.SHRIMP2,
          c.get(MachineConfig.SHRIMP2).toBuilder().interruptEveryArrival(true).build()));

  /** The ablations the experiment runs, the plain design first. */
  public static final List<Ablation> ALL = List.of(NONE, SYSTEM_CALL_PER_SEND,
      INTERRUPT_PER_ARRIVAL);

  /** Checks the fields. */
  public Ablation {
    requireNonNull(name, "name");
    requireNonNull(label, "label");
    requireNonNull(change, "change");
  }
}
