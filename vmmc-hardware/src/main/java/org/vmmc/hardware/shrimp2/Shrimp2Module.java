package org.vmmc.hardware.shrimp2;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.UserAccessPath;

/**
 * The SHRIMP-II network interface design: binds its device, kernel driver and user access
 * path. Installed once per node; the enclosing injector provides the node's hardware, the
 * simulator and the backplane.
 */
public final class Shrimp2Module extends AbstractModule {
  private final Shrimp2Parameters parameters;

  /** SHRIMP-II with its default parameters. */
  public Shrimp2Module() {
    this(Shrimp2Parameters.DEFAULTS);
  }

  /** SHRIMP-II with {@code parameters}. */
  public Shrimp2Module(Shrimp2Parameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    bind(Shrimp2Parameters.class).toInstance(parameters);
    bind(Shrimp2Interface.class).in(Scopes.SINGLETON);
    bind(NicDesign.class).toInstance(Shrimp2Design.INSTANCE);
    bind(NicDriver.class).to(Shrimp2Driver.class).in(Scopes.SINGLETON);
    bind(UserAccessPath.class).to(Shrimp2AccessPath.class).in(Scopes.SINGLETON);
  }
}
