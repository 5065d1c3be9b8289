package org.vmmc.hardware.node;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.vmmc.core.hw.ControlNetwork;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.sim.Simulator;

/**
 * Binds the machine-wide {@link ControlNetwork} (the Ethernet between the kernels) as a
 * singleton; install it once, outside the per-node modules, where {@link Simulator} is bound.
 */
public final class ControlNetworkModule extends AbstractModule {
  private final ControlNetworkParameters parameters;

  /** A module for an Ethernet with {@code parameters}. */
  public ControlNetworkModule(ControlNetworkParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Provides
  @Singleton
  ControlNetwork controlNetwork(Simulator sim) {
    return new EthernetControlNetwork(sim, parameters);
  }
}
