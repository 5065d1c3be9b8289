package org.vmmc.core.hw;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * Timing of the Ethernet that joins the kernels for naming and control; the default and its
 * source are declared in {@link #PARAMETERS}.
 *
 * @param latency the time from sending a control message to its delivery at the other
 *     kernel, protocol processing at both ends included
 */
public record ControlNetworkParameters(SimDuration latency) {

  /** The declared parameters ({@code ethernet.*}). */
  public static final ParameterSet<ControlNetworkParameters, Builder> PARAMETERS =
      ParameterSet.builder("ethernet", "Ethernet control network",
              ControlNetworkParameters.class, Builder::new, Builder::build)
          .add("latency-us", ValueType.MICROSECONDS,
              "delivery time of one kernel control message", SimDuration.ofMicros(300),
              Provenance.uncertain("modelling guess for a small message over 10 Mb/s Ethernet"
                  + " through two 1990s kernel network stacks (the design reference says"
                  + " hundreds of µs; the control path is not speed-critical)"),
              ControlNetworkParameters::latency, Builder::latency)
          .build();

  /** Checks the latency. */
  public ControlNetworkParameters {
    requireNonNull(latency, "latency");
  }

  /** The default Ethernet: the declared defaults of {@link #PARAMETERS}. */
  public static ControlNetworkParameters ethernet() {
    return PARAMETERS.defaults();
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link ControlNetworkParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private SimDuration latency;

    private Builder() {}

    /** Sets the delivery time of one control message. */
    public Builder latency(SimDuration value) {
      this.latency = value;
      return this;
    }

    /** The parameters, checked. */
    public ControlNetworkParameters build() {
      return new ControlNetworkParameters(latency);
    }
  }
}
