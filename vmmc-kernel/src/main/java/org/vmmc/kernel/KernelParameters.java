package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;

/**
 * The costs of the node kernel's own work, in CPU cycles (the trap into and out of the kernel
 * is the CPU's, see {@code CpuParameters}). None is published for SHRIMP's Linux kernel: all
 * are modelling guesses of the right order for a 60 MHz Pentium, and none is on the data path
 * of a deliberate or automatic update, which is the point of VMMC.
 *
 * @param reservedFrames physical frames kept by the kernel itself at the bottom of memory
 * @param allocateCyclesPerPage cycles to allocate, zero and map one page of user memory
 *     (modelling guess: zeroing 4 KB at about one word per cycle)
 * @param exportCycles cycles of kernel work to export a buffer (modelling guess)
 * @param importCycles cycles of the importer's kernel work to import a buffer, besides the
 *     control-network round trip (modelling guess)
 * @param controlMessageCycles cycles a kernel spends handling one control-network message
 *     from another kernel (modelling guess)
 * @param unexportCycles cycles of kernel work to unexport or unimport a buffer (modelling guess)
 * @param interruptDispatchCycles cycles from the NIC's interrupt to the notification being
 *     queued for its process, on top of the CPU's interrupt entry and exit (modelling guess)
 * @param upcallCycles cycles to deliver a queued notification into the user's handler and
 *     return from it, like a Unix signal delivery (modelling guess)
 * @param quantum the time slice a thread may keep the CPU while others are ready, before the
 *     scheduler passes it on (modelling guess after Linux 1.x/2.0, whose default time slice was
 *     20 clock ticks of 10 ms: 200 ms)
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

  /** The defaults documented on each component. */
  public static final KernelParameters DEFAULTS =
      new KernelParameters(256, 1_200, 2_000, 3_000, 1_500, 2_000, 300, 600,
          SimDuration.ofMillis(200));

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

  /** These parameters with {@code value} as the scheduler's time slice. */
  public KernelParameters withQuantum(SimDuration value) {
    return new KernelParameters(reservedFrames, allocateCyclesPerPage, exportCycles,
        importCycles, controlMessageCycles, unexportCycles, interruptDispatchCycles,
        upcallCycles, value);
  }
}
