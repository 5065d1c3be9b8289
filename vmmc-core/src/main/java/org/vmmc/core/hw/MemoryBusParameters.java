package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * Timing of the Xpress memory bus; the default and its source are declared in {@link
 * #PARAMETERS}.
 *
 * @param writeTime the bus time of one single (non-burst) write transaction, which the storing
 *     CPU waits for
 */
public record MemoryBusParameters(SimDuration writeTime) {

  /** The declared parameters ({@code xpress.*}), with the default Xpress bus as defaults. */
  public static final ParameterSet<MemoryBusParameters, Builder> PARAMETERS =
      ParameterSet.builder("xpress", "Xpress memory bus", MemoryBusParameters.class,
              Builder::new, Builder::build)
          .add("write-ns", ValueType.NANOSECONDS, "memory bus time of one single write",
              ClockRate.ofMegahertz(60).cycles(4),
              Provenance.uncertain("modelling guess: 4 clocks of the 60 MHz bus (the Pentium"
                  + " 60's external clock, inferred), 2 for address and data plus 2 memory wait"
                  + " states, about 66.7 ns"),
              MemoryBusParameters::writeTime, Builder::writeTime)
          .build();

  /** Checks the write time. */
  public MemoryBusParameters {
    requireNonNull(writeTime, "writeTime");
    checkArgument(!writeTime.isZero(), "memory bus write time must be positive: %s", writeTime);
  }

  /** The default Xpress bus: the declared defaults of {@link #PARAMETERS}. */
  public static MemoryBusParameters xpress() {
    return PARAMETERS.defaults();
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link MemoryBusParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private SimDuration writeTime;

    private Builder() {}

    /** Sets the bus time of one single write. */
    public Builder writeTime(SimDuration value) {
      this.writeTime = value;
      return this;
    }

    /** The parameters, checked. */
    public MemoryBusParameters build() {
      return new MemoryBusParameters(writeTime);
    }
  }
}
