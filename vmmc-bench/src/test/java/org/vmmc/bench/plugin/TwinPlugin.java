package org.vmmc.bench.plugin;

/** The test design {@code twin}, listed in the bench tests' own service file. */
public final class TwinPlugin extends RenamedShrimp1Plugin {
  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public TwinPlugin() {
    super("twin");
  }
}
