package org.vmmc.core.nic;

import java.util.function.Supplier;
import org.vmmc.core.ProcessId;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.sim.SimProcess;

/** What a design's user access path may use of the process that calls it. */
public interface UserContext {

  /** The calling process's id. */
  ProcessId id();

  /** The simulated process whose code is running. */
  SimProcess process();

  /** The process's address space. */
  AddressSpace addressSpace();

  /** The node's CPU. */
  Cpu cpu();

  /**
   * Runs {@code body} as system call {@code call}: charges the trap into and out of the kernel
   * and counts the call.
   */
  <T> T systemCall(SystemCall call, Supplier<T> body);
}
