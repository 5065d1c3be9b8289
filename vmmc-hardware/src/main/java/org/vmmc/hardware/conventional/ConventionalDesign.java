package org.vmmc.hardware.conventional;

import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;

/**
 * A conventional interface: the kernel copies every message, so any user memory can be a
 * source, but every send is a system call and there is no automatic update.
 */
final class ConventionalDesign implements NicDesign {
  static final ConventionalDesign INSTANCE = new ConventionalDesign();

  private ConventionalDesign() {}

  @Override
  public String name() {
    return "conventional";
  }

  @Override
  public Set<NicFeature> features() {
    return EnumSet.of(NicFeature.ANY_SOURCE_PAGE);
  }

  @Override
  public String toString() {
    return "conventional (Paragon NX style)";
  }
}
