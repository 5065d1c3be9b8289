package org.vmmc.hardware.shrimp1;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.UserAccessPath;

/**
 * The SHRIMP-I network interface design: binds its card, kernel driver and user access path.
 * Installed once per node; the enclosing injector provides the node's hardware, the simulator
 * and the backplane.
 */
public final class Shrimp1Module extends AbstractModule {
  private final Shrimp1Parameters parameters;

  /** SHRIMP-I with its default parameters. */
  public Shrimp1Module() {
    this(Shrimp1Parameters.DEFAULTS);
  }

  /** SHRIMP-I with {@code parameters}. */
  public Shrimp1Module(Shrimp1Parameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    bind(Shrimp1Parameters.class).toInstance(parameters);
    bind(Shrimp1Interface.class).in(Scopes.SINGLETON);
    bind(NicDesign.class).toInstance(Shrimp1Design.INSTANCE);
    bind(NicDriver.class).to(Shrimp1Driver.class).in(Scopes.SINGLETON);
    bind(UserAccessPath.class).to(Shrimp1AccessPath.class).in(Scopes.SINGLETON);
  }
}
