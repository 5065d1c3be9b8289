package org.vmmc.userlib;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.vmmc.core.nic.UserAccessPath;

/**
 * The user library's own bindings on a node: its sends go straight to the design's {@link
 * UserAccessPath} unless an {@link Ablation} binds another path.
 */
final class LibraryModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), LibrarySend.KEY).setDefault()
        .to(UserAccessPath.class);
  }
}
