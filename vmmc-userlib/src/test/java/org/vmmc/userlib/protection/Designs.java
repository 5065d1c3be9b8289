package org.vmmc.userlib.protection;

import com.google.inject.Module;
import java.util.function.Supplier;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/** The three designs, by name, for parameterised protection tests. */
enum Designs {
  SHRIMP2(Shrimp2Module::new),
  SHRIMP1(Shrimp1Module::new),
  CONVENTIONAL(ConventionalModule::new);

  private final Supplier<Module> module;

  Designs(Supplier<Module> module) {
    this.module = module;
  }

  /** A fresh instance of the design's Guice module. */
  Module module() {
    return module.get();
  }
}
