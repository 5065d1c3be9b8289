package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;

import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The kernel's costs of automatic-update bindings, in CPU cycles on top of the system call's
 * trap. Neither is published, and neither is on the data path: once bound, stores go out with
 * no kernel involvement. Defaults and sources are declared in {@link #PARAMETERS}.
 *
 * @param bindCyclesPerPage cycles to bind one page: look up its frame, program the interface's
 *     automatic-update entry with a few uncached references, and rewrite the page-table entry
 *     as write-through with its TLB flush
 * @param unbindCyclesPerPage cycles to unbind one page: the same work undone
 */
public record AutomaticUpdateParameters(long bindCyclesPerPage, long unbindCyclesPerPage) {

  /** The declared parameters ({@code au.*}). */
  public static final ParameterSet<AutomaticUpdateParameters, Builder> PARAMETERS =
      ParameterSet.builder("au", "kernel's automatic-update bindings",
              AutomaticUpdateParameters.class, Builder::new, Builder::build)
          .add("bind-cycles-per-page", ValueType.CYCLES,
              "kernel work to bind one page for automatic update", 300L,
              Provenance.uncertain("modelling guess (5 µs at 60 MHz): look up the frame,"
                  + " program the interface's entry with a few uncached references, rewrite the"
                  + " page-table entry as write-through and flush the TLB"),
              AutomaticUpdateParameters::bindCyclesPerPage, Builder::bindCyclesPerPage)
          .add("unbind-cycles-per-page", ValueType.CYCLES,
              "kernel work to unbind one page from automatic update", 300L,
              Provenance.uncertain("modelling guess: the work of a bind undone"),
              AutomaticUpdateParameters::unbindCyclesPerPage, Builder::unbindCyclesPerPage)
          .build();

  /** The declared defaults of {@link #PARAMETERS}. */
  public static final AutomaticUpdateParameters DEFAULTS = PARAMETERS.defaults();

  /** Checks that both figures are non-negative. */
  public AutomaticUpdateParameters {
    checkArgument(bindCyclesPerPage >= 0, "bindCyclesPerPage must not be negative: %s",
        bindCyclesPerPage);
    checkArgument(unbindCyclesPerPage >= 0, "unbindCyclesPerPage must not be negative: %s",
        unbindCyclesPerPage);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link AutomaticUpdateParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private long bindCyclesPerPage;
    private long unbindCyclesPerPage;

    private Builder() {}

    /** Sets the cycles to bind one page. */
    public Builder bindCyclesPerPage(long value) {
      this.bindCyclesPerPage = value;
      return this;
    }

    /** Sets the cycles to unbind one page. */
    public Builder unbindCyclesPerPage(long value) {
      this.unbindCyclesPerPage = value;
      return this;
    }

    /** The parameters, checked. */
    public AutomaticUpdateParameters build() {
      return new AutomaticUpdateParameters(bindCyclesPerPage, unbindCyclesPerPage);
    }
  }
}
