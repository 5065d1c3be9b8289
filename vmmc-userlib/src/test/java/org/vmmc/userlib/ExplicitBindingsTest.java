package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** The machine's injectors make up no binding: a class nobody bound is a wiring mistake. */
class ExplicitBindingsTest {

  /** A class no module binds. */
  static final class Unbound {
    @Inject
    Unbound() {}
  }

  /** A component that needs the unbound class. */
  static final class NeedsUnbound {
    @Inject
    NeedsUnbound(Unbound unbound) {}
  }

  @Test
  void aNodeComponentThatNeedsAnUnboundClassIsRefused() {
    Multicomputer.Builder b = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .overrideNodes(new AbstractModule() {
          @Override
          protected void configure() {
            bind(NeedsUnbound.class).asEagerSingleton();
          }
        });
    assertThatThrownBy(b::build).isInstanceOf(CreationException.class)
        .hasMessageContaining("Explicit bindings are required")
        .hasMessageContaining("Unbound");
  }

  @Test
  void aMachineComponentThatNeedsAnUnboundClassIsRefused() {
    Multicomputer.Builder b = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1)
        .overrideMachine(new AbstractModule() {
          @Override
          protected void configure() {
            bind(NeedsUnbound.class).asEagerSingleton();
          }
        });
    assertThatThrownBy(b::build).isInstanceOf(CreationException.class)
        .hasMessageContaining("Explicit bindings are required")
        .hasMessageContaining("Unbound");
  }
}
