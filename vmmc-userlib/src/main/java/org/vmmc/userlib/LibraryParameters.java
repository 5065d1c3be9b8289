package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The costs of the user library's own code, in CPU cycles, and one experiment switch.
 *
 * @param pollIterationCycles one iteration of a loop that polls a flag word in a receive
 *     buffer: a cached load, a compare and a branch (modelling guess for a Pentium)
 * @param pollMissCycles the extra cycles of the load that sees a change: incoming DMA
 *     invalidated the cached line, so the load goes to memory (modelling guess)
 * @param systemCallPerSend when true, every send traps into the kernel around the design's
 *     access path, as a library that cannot reach the network interface from user level
 *     would; an ablation to measure what user-level sends save (default false)
 */
public record LibraryParameters(long pollIterationCycles, long pollMissCycles,
    boolean systemCallPerSend) {

  /** The defaults documented on each component. */
  public static final LibraryParameters DEFAULTS = new LibraryParameters(4, 12);

  /** Checks the figures. */
  public LibraryParameters {
    checkArgument(pollIterationCycles > 0, "pollIterationCycles must be positive: %s",
        pollIterationCycles);
    checkArgument(pollMissCycles >= 0, "pollMissCycles must not be negative: %s",
        pollMissCycles);
  }

  /** The given poll costs, with sends at user level. */
  public LibraryParameters(long pollIterationCycles, long pollMissCycles) {
    this(pollIterationCycles, pollMissCycles, false);
  }

  /** These parameters with {@link #systemCallPerSend} set to {@code value}. */
  public LibraryParameters withSystemCallPerSend(boolean value) {
    return new LibraryParameters(pollIterationCycles, pollMissCycles, value);
  }
}
