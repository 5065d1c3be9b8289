package org.vmmc.kernel;

import java.util.function.Supplier;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.sim.SimProcess;

/** The trap into the kernel and back that every system call pays, and its accounting. */
final class SystemCalls {
  private final Kernel kernel;
  private final Cpu cpu;

  SystemCalls(Kernel kernel, Cpu cpu) {
    this.kernel = kernel;
    this.cpu = cpu;
  }

  /** Runs {@code body} as system call {@code call} of {@code caller}, charging the trap. */
  <T> T call(KernelProcess caller, SystemCall call, Supplier<T> body) {
    SimProcess p = caller.process();
    caller.systemCalls++;
    kernel.count(KernelCounter.SYSCALLS);
    kernel.count(call);
    p.consume(cpu.cycles(cpu.parameters().trapEntryCycles()));
    T result = body.get();
    p.consume(cpu.cycles(cpu.parameters().trapExitCycles()));
    return result;
  }
}
