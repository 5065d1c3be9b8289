package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The costs of the node kernel's own work, in CPU cycles (the trap into and out of the kernel
 * is the CPU's, see {@code CpuParameters}). None is published for SHRIMP's Linux kernel: all
 * are modelling guesses of the right order for a 60 MHz Pentium, and none is on the data path
 * of a deliberate or automatic update, which is the point of VMMC. Defaults and sources are
 * declared in {@link #PARAMETERS}; the costs of automatic-update bindings are {@link
 * AutomaticUpdateParameters}.
 *
 * @param reservedFrames physical frames kept by the kernel itself at the bottom of memory
 * @param allocateCyclesPerPage cycles to allocate, zero and map one page of user memory
 * @param exportCycles cycles of kernel work to export a buffer
 * @param importCycles cycles of the importer's kernel work to import a buffer, besides the
 *     control-network round trip
 * @param controlMessageCycles cycles a kernel spends handling one control-network message
 *     from another kernel
 * @param unexportCycles cycles of kernel work to unexport or unimport a buffer
 * @param interruptDispatchCycles cycles from the NIC's interrupt to the notification being
 *     queued for its process, on top of the CPU's interrupt entry and exit
 * @param upcallCycles cycles to deliver a queued notification into the user's handler and
 *     return from it, like a Unix signal delivery
 * @param quantum the time slice a thread may keep the CPU while others are ready, before the
 *     scheduler passes it on
 */
public record KernelParameters(
    int reservedFrames,
    long allocateCyclesPerPage,
    long exportCycles,
    long importCycles,
    long controlMessageCycles,
    long unexportCycles,
    long interruptDispatchCycles,
    long upcallCycles,
    SimDuration quantum) {

  private static final Provenance GUESS = Provenance.uncertain("modelling guess of the right"
      + " order for a 60 MHz Pentium running a 1990s Linux kernel");

  /** The declared parameters ({@code kernel.*}). */
  public static final ParameterSet<KernelParameters, Builder> PARAMETERS = ParameterSet.builder(
          "kernel", "node kernel", KernelParameters.class, Builder::new, Builder::build)
      .add("reserved-frames", ValueType.COUNT,
          "physical frames the kernel keeps at the bottom of memory", 256, GUESS,
          KernelParameters::reservedFrames, Builder::reservedFrames)
      .add("allocate-cycles-per-page", ValueType.CYCLES,
          "kernel work to allocate, zero and map one page", 1_200L,
          Provenance.uncertain("modelling guess: zeroing 4 KB at about one word per cycle"),
          KernelParameters::allocateCyclesPerPage, Builder::allocateCyclesPerPage)
      .add("export-cycles", ValueType.CYCLES, "kernel work to export a buffer", 2_000L, GUESS,
          KernelParameters::exportCycles, Builder::exportCycles)
      .add("import-cycles", ValueType.CYCLES, "kernel work to import a buffer", 3_000L, GUESS,
          KernelParameters::importCycles, Builder::importCycles)
      .add("control-message-cycles", ValueType.CYCLES, "kernel work per control message",
          1_500L, GUESS, KernelParameters::controlMessageCycles, Builder::controlMessageCycles)
      .add("unexport-cycles", ValueType.CYCLES, "kernel work to unexport or unimport a buffer",
          2_000L, GUESS, KernelParameters::unexportCycles, Builder::unexportCycles)
      .add("interrupt-dispatch-cycles", ValueType.CYCLES,
          "kernel work from a NIC interrupt to a queued notification", 300L, GUESS,
          KernelParameters::interruptDispatchCycles, Builder::interruptDispatchCycles)
      .add("upcall-cycles", ValueType.CYCLES,
          "delivering a notification into the user's handler", 600L,
          Provenance.uncertain("modelling guess, like a Unix signal delivery"),
          KernelParameters::upcallCycles, Builder::upcallCycles)
      .add("quantum-ms", ValueType.MILLISECONDS,
          "time slice a thread keeps the CPU while others are ready", SimDuration.ofMillis(200),
          Provenance.uncertain("modelling guess after Linux 1.x/2.0, whose default time slice"
              + " was 20 clock ticks of 10 ms"),
          KernelParameters::quantum, Builder::quantum)
      .build();

  /** The declared defaults of {@link #PARAMETERS}. */
  public static final KernelParameters DEFAULTS = PARAMETERS.defaults();

  /** Checks that every figure is non-negative and the quantum positive. */
  public KernelParameters {
    checkArgument(reservedFrames >= 0, "reservedFrames must not be negative: %s", reservedFrames);
    checkArgument(allocateCyclesPerPage >= 0, "allocateCyclesPerPage must not be negative: %s",
        allocateCyclesPerPage);
    checkArgument(exportCycles >= 0, "exportCycles must not be negative: %s", exportCycles);
    checkArgument(importCycles >= 0, "importCycles must not be negative: %s", importCycles);
    checkArgument(controlMessageCycles >= 0, "controlMessageCycles must not be negative: %s",
        controlMessageCycles);
    checkArgument(unexportCycles >= 0, "unexportCycles must not be negative: %s", unexportCycles);
    checkArgument(interruptDispatchCycles >= 0,
        "interruptDispatchCycles must not be negative: %s", interruptDispatchCycles);
    checkArgument(upcallCycles >= 0, "upcallCycles must not be negative: %s", upcallCycles);
    requireNonNull(quantum, "quantum");
    checkArgument(quantum.picos() > 0, "quantum must be positive: %s", quantum);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link KernelParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private int reservedFrames;
    private long allocateCyclesPerPage;
    private long exportCycles;
    private long importCycles;
    private long controlMessageCycles;
    private long unexportCycles;
    private long interruptDispatchCycles;
    private long upcallCycles;
    private SimDuration quantum;

    private Builder() {}

    /** Sets the physical frames the kernel keeps for itself. */
    public Builder reservedFrames(int value) {
      this.reservedFrames = value;
      return this;
    }

    /** Sets the cycles to allocate, zero and map one page. */
    public Builder allocateCyclesPerPage(long value) {
      this.allocateCyclesPerPage = value;
      return this;
    }

    /** Sets the cycles of kernel work to export a buffer. */
    public Builder exportCycles(long value) {
      this.exportCycles = value;
      return this;
    }

    /** Sets the cycles of the importer's kernel work to import a buffer. */
    public Builder importCycles(long value) {
      this.importCycles = value;
      return this;
    }

    /** Sets the cycles to handle one control-network message. */
    public Builder controlMessageCycles(long value) {
      this.controlMessageCycles = value;
      return this;
    }

    /** Sets the cycles of kernel work to unexport or unimport a buffer. */
    public Builder unexportCycles(long value) {
      this.unexportCycles = value;
      return this;
    }

    /** Sets the cycles from a NIC interrupt to a queued notification. */
    public Builder interruptDispatchCycles(long value) {
      this.interruptDispatchCycles = value;
      return this;
    }

    /** Sets the cycles to deliver a notification into its handler and back. */
    public Builder upcallCycles(long value) {
      this.upcallCycles = value;
      return this;
    }

    /** Sets the scheduler's time slice. */
    public Builder quantum(SimDuration value) {
      this.quantum = value;
      return this;
    }

    /** The parameters, checked. */
    public KernelParameters build() {
      return new KernelParameters(reservedFrames, allocateCyclesPerPage, exportCycles,
          importCycles, controlMessageCycles, unexportCycles, interruptDispatchCycles,
          upcallCycles, quantum);
    }
  }
}
