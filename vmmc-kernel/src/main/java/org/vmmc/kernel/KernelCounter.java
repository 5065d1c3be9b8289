package org.vmmc.kernel;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters a node's kernel keeps, reported as {@code nodeN.kernel.<id>}. The calls of each
 * system call are counted under its {@link org.vmmc.core.nic.SystemCall} key, as {@code
 * nodeN.kernel.syscalls.<name>}.
 */
public enum KernelCounter implements CounterKey {
  /** System calls of every kind. */
  SYSCALLS,
  /** Interrupts the network interface raised for notifications, arrivals and errors. */
  INTERRUPTS,
  /** Error interrupts for a packet dropped on arrival. */
  DROPPED_PACKETS,
  /** Stretches of a design's own interrupt-level code. */
  INTERRUPT_SERVICE,
  /** Notifications for memory no export holds. */
  NOTIFICATIONS_UNCLAIMED,
  /** Notifications dropped at their process's exit. */
  NOTIFICATIONS_DROPPED,
  /** Import requests the export's policy refused. */
  IMPORTS_REFUSED,
  /** Automatic-update bindings made. */
  AU_BINDINGS,
  /** Automatic-update bindings undone. */
  AU_UNBINDINGS,
  /** Switches of the CPU from one process to another. */
  CONTEXT_SWITCHES,
  /** Threads that gave the CPU up before they blocked. */
  PREEMPTIONS;

  @Override
  public String component() {
    return "kernel";
  }
}
