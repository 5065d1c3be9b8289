package org.vmmc.hardware.shrimp1;

import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;

/**
 * SHRIMP-I: user-level sends by one compare-and-exchange, from fixed send pages only, polled
 * receive, and no automatic update (there is no snooper).
 */
final class Shrimp1Design implements NicDesign {
  static final Shrimp1Design INSTANCE = new Shrimp1Design();

  private Shrimp1Design() {}

  @Override
  public String name() {
    return "shrimp1";
  }

  @Override
  public Set<NicFeature> features() {
    return EnumSet.of(NicFeature.USER_LEVEL_SEND, NicFeature.POLLED_RECEIVE);
  }

  @Override
  public String toString() {
    return "SHRIMP-I";
  }
}
