package org.vmmc.kernel;

/** The code of a user process, run by the kernel on a simulated thread. */
@FunctionalInterface
public interface ProcessMain {

  /** Runs the process; when it returns the kernel releases everything the process held. */
  void run(KernelProcess process) throws Exception;
}
