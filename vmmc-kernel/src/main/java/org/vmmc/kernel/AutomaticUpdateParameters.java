package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The kernel's costs of automatic-update bindings, in CPU cycles on top of the system call's
 * trap. Neither is published; both are modelling guesses, and neither is on the data path: once
 * bound, stores go out with no kernel involvement.
 *
 * @param bindCyclesPerPage cycles to bind one page: look up its frame, program the interface's
 *     automatic-update entry with a few uncached references, and rewrite the page-table entry
 *     as write-through with its TLB flush (modelling guess)
 * @param unbindCyclesPerPage cycles to unbind one page: the same work undone (modelling guess)
 */
public record AutomaticUpdateParameters(long bindCyclesPerPage, long unbindCyclesPerPage) {

  /** The defaults: 300 cycles (5 µs at 60 MHz) per page each way. */
  public static final AutomaticUpdateParameters DEFAULTS = new AutomaticUpdateParameters(300, 300);

  /** Checks that both figures are non-negative. */
  public AutomaticUpdateParameters {
    checkArgument(bindCyclesPerPage >= 0, "bindCyclesPerPage must not be negative: %s",
        bindCyclesPerPage);
    checkArgument(unbindCyclesPerPage >= 0, "unbindCyclesPerPage must not be negative: %s",
        unbindCyclesPerPage);
  }
}
