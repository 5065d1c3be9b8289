package org.vmmc.userlib;

import org.vmmc.core.FrameNumber;
import org.vmmc.core.nic.NicDriver;

/**
 * Faults injected behind VMMC's back, for tests only (it lives in the test tree, so the
 * production API stays free of back doors): what a buggy or hostile kernel could do to its
 * network interface.
 */
public final class FaultInjection {
  private FaultInjection() {}

  /** Disables reception on every frame of node {@code node}, as if its kernel did. */
  public static void disableReceiveOnEveryFrame(Multicomputer mc, int node) {
    NicDriver driver = mc.node(node).instance(NicDriver.class);
    for (long f = 0; f < mc.node(node).memory().frameCount(); f++) {
      driver.disableReceive(new FrameNumber(f));
    }
  }
}
