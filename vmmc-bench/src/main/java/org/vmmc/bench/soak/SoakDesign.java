package org.vmmc.bench.soak;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.bench.compare.Designs;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicPlugin;

/**
 * A design the soak runs, named as on its command line: a discovered plug-in.
 *
 * @param plugin the design
 */
public record SoakDesign(NicPlugin<?> plugin) {

  /** Checks the plug-in. */
  public SoakDesign {
    requireNonNull(plugin, "plugin");
  }

  /** Every design of {@code designs}, in their order. */
  public static List<SoakDesign> all(Designs designs) {
    return designs.plugins().stream().map(SoakDesign::new).toList();
  }

  /** A fresh Guice module of the design at its defaults. */
  Module module() {
    return plugin.module();
  }

  /** True when programs on the design may bind pages for automatic update. */
  boolean automaticUpdate() {
    return plugin.features().contains(NicFeature.AUTOMATIC_UPDATE);
  }

  /** The design's name on the command line. */
  public String label() {
    return plugin.name();
  }

  @Override
  public String toString() {
    return label();
  }
}
