package org.vmmc.hardware.mesh;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.sim.Simulator;

/**
 * Binds {@link Backplane} to the Paragon-style mesh and {@link MeshParameters} to the given
 * parameters; the enclosing injector must bind the {@link Simulator}.
 */
public final class MeshModule extends AbstractModule {
  private final MeshParameters parameters;

  /** A module for the {@link MeshParameters#PARAGON} preset. */
  public MeshModule() {
    this(MeshParameters.PARAGON);
  }

  /** A module for a mesh shaped by {@code parameters}. */
  public MeshModule(MeshParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    bind(MeshParameters.class).toInstance(parameters);
  }

  @Provides
  @Singleton
  Backplane backplane(Simulator simulator, MeshParameters meshParameters) {
    return new MeshBackplane(simulator, meshParameters);
  }
}
