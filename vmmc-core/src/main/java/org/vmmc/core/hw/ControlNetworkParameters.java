package org.vmmc.core.hw;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;

/**
 * Timing of the Ethernet that joins the kernels for naming and control.
 *
 * @param latency the time from sending a control message to its delivery at the other
 *     kernel, protocol processing at both ends included
 */
public record ControlNetworkParameters(SimDuration latency) {

  /** Checks the latency. */
  public ControlNetworkParameters {
    requireNonNull(latency, "latency");
  }

  /**
   * The default: 300 µs per message, a modelling guess for a small message over 10 Mb/s
   * Ethernet through two 1990s kernel network stacks (the design reference says hundreds of
   * µs; the control path is not speed-critical).
   */
  public static ControlNetworkParameters ethernet() {
    return new ControlNetworkParameters(SimDuration.ofMicros(300));
  }
}
