package org.vmmc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The jars of a {@code --plugins} folder, as a class loader to discover designs with. */
final class PluginFolder {
  private PluginFolder() {}

  /**
   * A loader of every jar in {@code folder} (in name order) over {@code parent}; an {@link
   * IllegalArgumentException} naming the path if the folder is missing, holds no jar, or holds
   * anything else.
   */
  static ClassLoader loader(Path folder, ClassLoader parent) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--plugins " + folder + ": "
          + (Files.exists(folder) ? "not a folder" : "no such folder"));
    }
    List<Path> entries;
    try (Stream<Path> listed = Files.list(folder)) {
      entries = listed.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("--plugins " + folder + ": cannot list it", e);
    }
    List<URL> jars = new ArrayList<>();
    for (Path p : entries) {
      if (!Files.isRegularFile(p) || !p.getFileName().toString().endsWith(".jar")) {
        throw new IllegalArgumentException("--plugins " + folder + " holds " + p.getFileName()
            + ", which is not a jar; the folder may hold only .jar files");
      }
      try {
        jars.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--plugins " + folder + ": bad path " + p, e);
      }
    }
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("--plugins " + folder + " holds no jar");
    }
    // Open for the rest of the run: the discovered designs' classes load from it.
    return new URLClassLoader("vmmc-plugins", jars.toArray(URL[]::new), parent);
  }
}
