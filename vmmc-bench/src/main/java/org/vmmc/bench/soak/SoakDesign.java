package org.vmmc.bench.soak;

import com.google.inject.Module;
import java.util.Locale;
import java.util.function.Supplier;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** The designs the soak runs, named as on its command line. */
public enum SoakDesign {
  /** SHRIMP-II. */
  SHRIMP2(Shrimp2Module::new),
  /** SHRIMP-I. */
  SHRIMP1(Shrimp1Module::new),
  /** The kernel-mediated interface. */
  CONVENTIONAL(ConventionalModule::new);

  private final Supplier<Module> module;

  SoakDesign(Supplier<Module> module) {
    this.module = module;
  }

  /** A fresh Guice module of the design. */
  Module module() {
    return module.get();
  }

  /** The design's name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
