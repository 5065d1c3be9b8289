package org.vmmc.bench.plugin;

/**
 * The test design {@code folder}, which no service file on the class path lists: it is found
 * only through a jar in a {@code --plugins} folder whose service file names it.
 */
public final class FolderPlugin extends RenamedShrimp1Plugin {
  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public FolderPlugin() {
    super("folder");
  }
}
