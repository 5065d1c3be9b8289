package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.hardware.node.NodeHardwareModule;

/**
 * The network interface designs the experiments compare, as {@link ServiceLoader} finds their
 * {@link NicPlugin}s: every list of designs, modes and design parameters in the bench is
 * generated from here, so a design on the class path (or in a {@code --plugins} folder) is
 * measured, listed and reported with no edit to the bench.
 *
 * <p>Order: the designs shipped with the node hardware first, in their service file's order,
 * then the others in class-path order, so tables keep their columns whatever else is added.
 */
public final class Designs {
  private static final class OnClassPath {
    static final Designs INSTANCE = discover(Designs.class.getClassLoader());
  }

  private final List<NicPlugin<?>> plugins;

  private Designs(List<NicPlugin<?>> plugins) {
    checkArgument(!plugins.isEmpty(), "no network interface design was found: the class path"
        + " has no META-INF/services/%s entry", NicPlugin.class.getName());
    Map<String, NicPlugin<?>> byName = new LinkedHashMap<>();
    for (NicPlugin<?> p : plugins) {
      requireWellFormed(p);
      NicPlugin<?> before = byName.putIfAbsent(p.name(), p);
      checkArgument(before == null, "two network interface plug-ins are named '%s': %s and %s",
          p.name(), before == null ? "" : before.getClass().getName(), p.getClass().getName());
    }
    this.plugins = List.copyOf(plugins);
  }

  /**
   * Refuses a plug-in whose declaration results could not name: a name that is not lower-case
   * letters and digits, no modes, or two modes of one name.
   */
  private static void requireWellFormed(NicPlugin<?> p) {
    String type = p.getClass().getName();
    String name;
    try {
      name = p.name();
    } catch (LinkageError e) {
      throw new IllegalArgumentException("the network interface plug-in " + type + " does not"
          + " fit this version's NicPlugin interface (rebuild it against it): " + e, e);
    }
    checkArgument(name != null && name.matches("[a-z0-9]+"), "the network interface plug-in %s"
        + " is named '%s'; a design's name is lower-case letters and digits", type, name);
    List<TransferMode> modes = p.modes();
    checkArgument(modes != null && !modes.isEmpty(), "the network interface plug-in %s (%s)"
        + " declares no modes, so no experiment could measure it", type, name);
    Set<String> seen = new HashSet<>();
    for (TransferMode m : modes) {
      checkArgument(seen.add(m.name()), "the network interface plug-in %s (%s) declares mode"
          + " '%s' twice", type, name, m.name());
    }
  }

  /** The designs whose plug-ins the bench's own class loader finds (found once). */
  public static Designs onClassPath() {
    return OnClassPath.INSTANCE;
  }

  /**
   * The designs whose plug-ins {@code loader} finds; an {@link IllegalArgumentException} that
   * names the plug-in and what is wrong with it if one cannot be loaded or two share a name.
   */
  public static Designs discover(ClassLoader loader) {
    List<NicPlugin<?>> shipped = new ArrayList<>();
    List<NicPlugin<?>> others = new ArrayList<>();
    CodeSource home = NodeHardwareModule.class.getProtectionDomain().getCodeSource();
    Iterator<?> found = ServiceLoader.load(NicPlugin.class, loader).iterator();
    while (true) {
      NicPlugin<?> plugin;
      try {
        if (!found.hasNext()) {
          break;
        }
        plugin = (NicPlugin<?>) found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        throw new IllegalArgumentException("a network interface plug-in could not be loaded: "
            + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
      }
      CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
      (home != null && source != null && sameLocation(home, source) ? shipped : others)
          .add(plugin);
    }
    return of(ImmutableList.<NicPlugin<?>>builder().addAll(shipped).addAll(others).build());
  }

  private static boolean sameLocation(CodeSource a, CodeSource b) {
    URL left = a.getLocation();
    URL right = b.getLocation();
    return left != null && right != null && Objects.equals(left.toString(), right.toString());
  }

  /**
   * The designs {@code plugins}, in this order; an {@link IllegalArgumentException} naming both
   * classes if two share a name, or if there are none.
   */
  public static Designs of(List<NicPlugin<?>> plugins) {
    return new Designs(plugins);
  }

  /** Every plug-in, in order. */
  public List<NicPlugin<?>> plugins() {
    return plugins;
  }

  /** The design names, in order. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    plugins.forEach(p -> names.add(p.name()));
    return names;
  }

  /** The plug-in of the design called {@code name}, if there is one. */
  public Optional<NicPlugin<?>> named(String name) {
    return plugins.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every design in each of its modes, design by design, in the order tables show them. */
  public List<Variant> variants() {
    List<Variant> all = new ArrayList<>();
    for (NicPlugin<?> p : plugins) {
      for (TransferMode m : p.modes()) {
        all.add(new Variant(p, m));
      }
    }
    return List.copyOf(all);
  }

  /** The mode names of every design, in order of first appearance. */
  public Set<String> modes() {
    Set<String> names = new LinkedHashSet<>();
    variants().forEach(v -> names.add(v.mode()));
    return names;
  }

  /**
   * The variants whose design is in {@code designs} and mode in {@code modes} (an empty set
   * selects all); an {@link IllegalArgumentException} naming the available ones for an unknown
   * name or an empty selection.
   */
  public List<Variant> select(Set<String> designs, Set<String> modes) {
    for (String d : designs) {
      checkArgument(names().contains(d), "design '%s' is not available; available designs:"
          + " %s", d, String.join(", ", names()));
    }
    for (String m : modes) {
      checkArgument(modes().contains(m), "mode '%s' is not available; available modes: %s", m,
          String.join(", ", modes()));
    }
    List<Variant> chosen = new ArrayList<>();
    for (Variant v : variants()) {
      if ((designs.isEmpty() || designs.contains(v.design()))
          && (modes.isEmpty() || modes.contains(v.mode()))) {
        chosen.add(v);
      }
    }
    List<String> keys = variants().stream().map(Variant::key).toList();
    checkArgument(!chosen.isEmpty(), "no design/mode pair matches designs %s and modes %s;"
        + " available pairs: %s", designs, modes, String.join(", ", keys));
    return chosen;
  }

  /** The variant {@code design/mode}, if a design has it. */
  public Optional<Variant> find(String design, String mode) {
    return variants().stream().filter(v -> v.design().equals(design) && v.mode().equals(mode))
        .findFirst();
  }

  /** The designs' parameter sets, in order. */
  public List<ParameterSet<?, ?>> parameterSets() {
    return plugins.stream().<ParameterSet<?, ?>>map(NicPlugin::parameters).toList();
  }

  /**
   * Every set {@code --param} can name: the machine's {@link MachineConfig#COMPONENTS}, then
   * the designs' sets.
   */
  public List<ParameterSet<?, ?>> allParameterSets() {
    return ImmutableList.<ParameterSet<?, ?>>builder().addAll(MachineConfig.COMPONENTS)
        .addAll(parameterSets()).build();
  }

  /** The parameters of {@link #allParameterSets()} by name. */
  public ParameterCatalog catalog() {
    return ParameterCatalog.of(allParameterSets());
  }

  @Override
  public String toString() {
    return String.join(", ", names());
  }
}
