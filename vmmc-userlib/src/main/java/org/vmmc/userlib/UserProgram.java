package org.vmmc.userlib;

/** The sequential code of a user process on a simulated node. */
@FunctionalInterface
public interface UserProgram {

  /** Runs the process; blocking calls on {@code process} advance simulated time. */
  void run(VmmcProcess process) throws Exception;
}
