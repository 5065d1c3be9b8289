package org.vmmc.examples.ideal;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.UserAccessPath;

/**
 * The ideal network interface design: binds its interface, kernel driver and user access path.
 * Installed once per node; the enclosing injector provides the node's hardware, the simulator
 * and the backplane.
 *
 * <pre>{@code
 * Multicomputer mc = Multicomputer.builder().design(new IdealModule()).mesh(2, 1).build();
 * }</pre>
 */
public final class IdealModule extends AbstractModule {
  private final IdealParameters parameters;

  /** The design with {@link IdealParameters#DEFAULTS}. */
  public IdealModule() {
    this(IdealParameters.DEFAULTS);
  }

  /** The design with {@code parameters}. */
  public IdealModule(IdealParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  protected void configure() {
    bind(IdealParameters.class).toInstance(parameters);
    bind(IdealInterface.class).in(Scopes.SINGLETON);
    bind(NicDesign.class).toInstance(IdealDesign.INSTANCE);
    bind(NicDriver.class).to(IdealDriver.class).in(Scopes.SINGLETON);
    bind(UserAccessPath.class).to(IdealAccessPath.class).in(Scopes.SINGLETON);
  }
}
