package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;

import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The costs of the user library's own code, in CPU cycles, and one experiment switch. Defaults
 * and sources are declared in {@link #PARAMETERS}.
 *
 * @param pollIterationCycles one iteration of a loop that polls a flag word in a receive
 *     buffer: a cached load, a compare and a branch
 * @param pollMissCycles the extra cycles of the load that sees a change: incoming DMA
 *     invalidated the cached line, so the load goes to memory
 * @param systemCallPerSend when true, every send traps into the kernel around the design's
 *     access path, as a library that cannot reach the network interface from user level
 *     would; an ablation to measure what user-level sends save
 */
public record LibraryParameters(long pollIterationCycles, long pollMissCycles,
    boolean systemCallPerSend) {

  /** The declared parameters ({@code library.*}). */
  public static final ParameterSet<LibraryParameters, Builder> PARAMETERS = ParameterSet.builder(
          "library", "user library", LibraryParameters.class, Builder::new, Builder::build)
      .add("poll-iteration-cycles", ValueType.CYCLES, "one iteration of a flag-polling loop", 4L,
          Provenance.uncertain("modelling guess for a Pentium: a cached load, a compare and a"
              + " branch"),
          LibraryParameters::pollIterationCycles, Builder::pollIterationCycles)
      .add("poll-miss-cycles", ValueType.CYCLES, "extra cost of the load that sees a change", 12L,
          Provenance.uncertain("modelling guess: the line incoming DMA invalidated is read from"
              + " memory"),
          LibraryParameters::pollMissCycles, Builder::pollMissCycles)
      .add("system-call-per-send", ValueType.FLAG,
          "ablation: trap into the kernel on every send", false,
          Provenance.stated("off: a deliberate update is two user memory references and no"
              + " system call (design reference, section 4.2)"),
          LibraryParameters::systemCallPerSend, Builder::systemCallPerSend)
      .build();

  /** The declared defaults of {@link #PARAMETERS}. */
  public static final LibraryParameters DEFAULTS = PARAMETERS.defaults();

  /** Checks the figures. */
  public LibraryParameters {
    checkArgument(pollIterationCycles > 0, "pollIterationCycles must be positive: %s",
        pollIterationCycles);
    checkArgument(pollMissCycles >= 0, "pollMissCycles must not be negative: %s",
        pollMissCycles);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link LibraryParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private long pollIterationCycles;
    private long pollMissCycles;
    private boolean systemCallPerSend;

    private Builder() {}

    /** Sets the cycles of one poll-loop iteration. */
    public Builder pollIterationCycles(long value) {
      this.pollIterationCycles = value;
      return this;
    }

    /** Sets the extra cycles of the load that sees a change. */
    public Builder pollMissCycles(long value) {
      this.pollMissCycles = value;
      return this;
    }

    /** Sets whether every send traps into the kernel. */
    public Builder systemCallPerSend(boolean value) {
      this.systemCallPerSend = value;
      return this;
    }

    /** The parameters, checked. */
    public LibraryParameters build() {
      return new LibraryParameters(pollIterationCycles, pollMissCycles, systemCallPerSend);
    }
  }
}
