package org.vmmc.hardware.conventional;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.UserAccessPath;

/**
 * The conventional, kernel-mediated network interface design (Paragon NX style): binds its
 * card, its kernel message layer and driver, and its system-call access path. Installed once
 * per node; the enclosing injector provides the node's hardware, the simulator and the
 * backplane.
 */
public final class ConventionalModule extends AbstractModule {
  private final ConventionalParameters parameters;

  /** The design with {@link ConventionalParameters#PARAGON_NX}. */
  public ConventionalModule() {
    this(ConventionalParameters.PARAGON_NX);
  }

  /** The design with {@code parameters}. */
  public ConventionalModule(ConventionalParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    bind(ConventionalParameters.class).toInstance(parameters);
    bind(ConventionalNic.class).in(Scopes.SINGLETON);
    bind(KernelMessaging.class).in(Scopes.SINGLETON);
    bind(NicDesign.class).toInstance(ConventionalDesign.INSTANCE);
    bind(NicDriver.class).to(ConventionalDriver.class).in(Scopes.SINGLETON);
    bind(UserAccessPath.class).to(ConventionalAccessPath.class).in(Scopes.SINGLETON);
  }
}
