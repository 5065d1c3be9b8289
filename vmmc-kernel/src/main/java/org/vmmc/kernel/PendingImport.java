package org.vmmc.kernel;

import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VmmcException;
import org.vmmc.core.sim.Signal;

/** An import request on its way to the exporter's kernel; {@link #await()} waits for its answer. */
public final class PendingImport {
  private final KernelProcess caller;
  private final ProcessId exporter;
  private final BufferId id;
  private final Signal answered;
  private Import result;
  private VmmcException refusal;

  PendingImport(KernelProcess caller, ProcessId exporter, BufferId id) {
    this.caller = caller;
    this.exporter = exporter;
    this.id = id;
    this.answered = caller.kernel.simulator().signal(
        "the answer to importing " + id + " from " + exporter);
  }

  /** True once the exporter's kernel has answered. */
  public boolean isDone() {
    return result != null || refusal != null;
  }

  /** Waits for the answer; returns the import or throws the refusal. */
  public Import await() {
    caller.process().awaitUntil(answered, this::isDone);
    if (refusal != null) {
      throw refusal;
    }
    return result;
  }

  void complete(Import imported) {
    this.result = imported;
    answered.signalAll();
  }

  void refuse(VmmcException why) {
    this.refusal = why;
    answered.signalAll();
  }

  KernelProcess caller() {
    return caller;
  }

  ProcessId exporter() {
    return exporter;
  }

  BufferId id() {
    return id;
  }
}
