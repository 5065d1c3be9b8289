package org.vmmc.kernel;

/**
 * The kernel's cleanup when a process exits: it withdraws every buffer the process exports,
 * undoes every import, frees its memory and ends its notification context.
 */
final class ProcessExit {
  private final Kernel kernel;

  ProcessExit(Kernel kernel) {
    this.kernel = kernel;
  }

  void exit(KernelProcess p) {
    if (p.exited) {
      return;
    }
    for (Export e : kernel.exports().of(p)) {
      kernel.exporting().withdraw(p, e, true);
    }
    for (Import i : p.imports.all()) {
      kernel.importing().dropImport(p, i, true);
    }
    for (KernelProcess.Allocation a : java.util.List.copyOf(p.allocations.values())) {
      kernel.userMemory().release(p, a);
    }
    p.allocations.clear();
    p.notifications.close();
    p.exited = true;
  }
}
