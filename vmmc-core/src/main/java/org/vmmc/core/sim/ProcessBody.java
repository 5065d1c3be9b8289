package org.vmmc.core.sim;

/** The sequential code of a simulated process. */
@FunctionalInterface
public interface ProcessBody {

  /** Runs the process; blocking calls on {@code self} advance simulated time. */
  void run(SimProcess self) throws Exception;
}
