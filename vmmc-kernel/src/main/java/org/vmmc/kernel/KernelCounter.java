package org.vmmc.kernel;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters a node's kernel keeps, reported as {@code nodeN.kernel.<id>}. The calls of each
 * system call are counted under its {@link org.vmmc.core.nic.SystemCall} key, as {@code
 * nodeN.kernel.syscalls.<name>}.
 */
public enum KernelCounter implements CounterKey {
  /** System calls of every kind. */
  SYSCALLS("syscalls", "system calls of every kind"),
  /** Interrupts the network interface raised for notifications, arrivals and errors. */
  INTERRUPTS("interrupts", "interrupts the network interface raised for notifications, arrivals"
      + " and errors"),
  /** Error interrupts for a packet dropped on arrival. */
  DROPPED_PACKETS("dropped-packets", "error interrupts for a packet dropped on arrival"),
  /** Stretches of a design's own interrupt-level code. */
  INTERRUPT_SERVICE("interrupt-service", "stretches of a design's own interrupt-level code"),
  /** Notifications for memory no export holds. */
  NOTIFICATIONS_UNCLAIMED("notifications-unclaimed", "notifications for memory no export holds"),
  /** Notifications dropped at their process's exit. */
  NOTIFICATIONS_DROPPED("notifications-dropped", "notifications dropped at their process's exit"),
  /** Import requests the export's policy refused. */
  IMPORTS_REFUSED("imports-refused", "import requests the export's policy refused"),
  /** Automatic-update bindings made. */
  AU_BINDINGS("au-bindings", "automatic-update bindings made"),
  /** Automatic-update bindings undone. */
  AU_UNBINDINGS("au-unbindings", "automatic-update bindings undone"),
  /** Switches of the CPU from one process to another. */
  CONTEXT_SWITCHES("context-switches", "switches of the CPU from one process to another"),
  /** Threads that gave the CPU up before they blocked. */
  PREEMPTIONS("preemptions", "threads that gave the CPU up before they blocked");

  private final String id;
  private final String description;

  KernelCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "kernel";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }
}
