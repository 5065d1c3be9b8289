package org.vmmc.examples.ideal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;

/**
 * The ideal interface: user-level sends from any source page, no automatic update, which it
 * refuses through {@link NicDesign#require}.
 */
final class IdealDesign implements NicDesign {
  static final IdealDesign INSTANCE = new IdealDesign();

  /** Every optional feature the design has. */
  static final Set<NicFeature> FEATURES = Collections.unmodifiableSet(
      EnumSet.of(NicFeature.USER_LEVEL_SEND, NicFeature.ANY_SOURCE_PAGE));

  private IdealDesign() {}

  @Override
  public String name() {
    return "ideal";
  }

  @Override
  public Set<NicFeature> features() {
    return FEATURES;
  }

  @Override
  public String toString() {
    return "ideal interface";
  }
}
