package org.vmmc.kernel;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * Binds a node's {@link Kernel}. Installed once per node; the enclosing injector provides the
 * node's hardware, its {@code NicDriver}, the {@link KernelDirectory}, the control network,
 * {@link KernelParameters} and {@link AutomaticUpdateParameters}.
 */
public final class KernelModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Kernel.class).in(Scopes.SINGLETON);
  }
}
