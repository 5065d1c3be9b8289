package org.vmmc.hardware.shrimp2;

import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;

/**
 * SHRIMP-II: user-level sends from any source page by UDMA, automatic update, and polled
 * receive.
 */
final class Shrimp2Design implements NicDesign {
  static final Shrimp2Design INSTANCE = new Shrimp2Design();

  private Shrimp2Design() {}

  @Override
  public String name() {
    return "shrimp2";
  }

  @Override
  public Set<NicFeature> features() {
    return EnumSet.of(NicFeature.AUTOMATIC_UPDATE, NicFeature.USER_LEVEL_SEND,
        NicFeature.ANY_SOURCE_PAGE, NicFeature.POLLED_RECEIVE);
  }

  @Override
  public String toString() {
    return "SHRIMP-II";
  }
}
