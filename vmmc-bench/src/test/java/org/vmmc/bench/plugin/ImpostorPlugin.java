package org.vmmc.bench.plugin;

/** A test design that takes the name of a shipped one, which discovery must refuse. */
public final class ImpostorPlugin extends RenamedShrimp1Plugin {
  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public ImpostorPlugin() {
    super("shrimp1");
  }
}
