package org.vmmc.kernel;

/**
 * The kernel's cleanup when a process exits (its main code returned or threw).
 *
 * <p>First the notification context is ended: notifications still queued are dropped, each
 * counted and reported, and a handler that is running is let finish (the process exits once
 * it returns; one that never returns keeps the process from exiting, which the simulator
 * reports as a deadlock naming it). Stopping a handler part-way would leave its effects half
 * done, as a signal handler killed mid-way would; waiting keeps what the handler sees intact.
 * From then on no code of the process runs, and the kernel withdraws every buffer the process
 * exports, undoes every import and frees its memory. Each of these may wait (for importers to
 * acknowledge, for transfers to drain), and a revocation, an import reply or another process
 * may run meanwhile; each step ends an object only if nothing else has begun to, and waits
 * for it either way, so nothing is torn down twice and nothing is freed while in use.
 */
final class ProcessExit {
  private final Kernel kernel;

  ProcessExit(Kernel kernel) {
    this.kernel = kernel;
  }

  void exit(KernelProcess p) {
    if (p.exiting) {
      return;
    }
    p.notifications.close(p.process());
    p.exiting = true;
    for (Export e : kernel.exports().of(p)) {
      kernel.exporting().withdraw(p, e, true);
    }
    for (Import i : p.imports.all()) {
      kernel.importing().dropImport(p, i, true);
    }
    while (!p.allocations.isEmpty()) {
      KernelProcess.Allocation a = p.allocations.pollFirstEntry().getValue();
      kernel.userMemory().release(p, a);
    }
    p.exited = true;
  }
}
