package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The costs of the user library's own code, in CPU cycles.
 *
 * @param pollIterationCycles one iteration of a loop that polls a flag word in a receive
 *     buffer: a cached load, a compare and a branch (modelling guess for a Pentium)
 * @param pollMissCycles the extra cycles of the load that sees a change: incoming DMA
 *     invalidated the cached line, so the load goes to memory (modelling guess)
 */
public record LibraryParameters(long pollIterationCycles, long pollMissCycles) {

  /** The defaults documented on each component. */
  public static final LibraryParameters DEFAULTS = new LibraryParameters(4, 12);

  /** Checks the figures. */
  public LibraryParameters {
    checkArgument(pollIterationCycles > 0, "pollIterationCycles must be positive: %s",
        pollIterationCycles);
    checkArgument(pollMissCycles >= 0, "pollMissCycles must not be negative: %s",
        pollMissCycles);
  }
}
