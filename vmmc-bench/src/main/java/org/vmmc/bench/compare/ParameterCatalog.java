package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.param.Parameter;
import org.vmmc.core.param.ParameterSet;

/**
 * The parameters experiments can set by name ({@code --param name=value}), generated from the
 * declared parameter sets it is given: every declared parameter of every set, under its
 * qualified name. Nothing is listed here by hand; a set's declaration is the only place a
 * parameter is named, typed, documented and given its default.
 */
public final class ParameterCatalog {

  private final List<ParameterSet<?, ?>> sets;
  private final Map<String, NamedParameter> byName;

  private ParameterCatalog(List<ParameterSet<?, ?>> sets) {
    this.sets = List.copyOf(sets);
    Map<String, NamedParameter> names = new LinkedHashMap<>();
    Map<String, ParameterSet<?, ?>> prefixes = new LinkedHashMap<>();
    for (ParameterSet<?, ?> set : this.sets) {
      ParameterSet<?, ?> before = prefixes.put(set.prefix(), set);
      checkArgument(before == null, "two parameter sets share the prefix '%s': %s and %s",
          set.prefix(), before == null ? "" : before.title(), set.title());
      for (NamedParameter p : named(set)) {
        names.put(p.name(), p);
      }
    }
    this.byName = names;
  }

  /**
   * The catalog of {@code sets}' parameters; an {@link IllegalArgumentException} if two sets
   * share a prefix.
   */
  public static ParameterCatalog of(List<ParameterSet<?, ?>> sets) {
    return new ParameterCatalog(sets);
  }

  private static <R extends Record, B> List<NamedParameter> named(ParameterSet<R, B> set) {
    List<NamedParameter> named = new ArrayList<>();
    for (Parameter<R, B, ?> p : set.parameters()) {
      named.add(NamedParameter.of(set, p));
    }
    return named;
  }

  /** The sets, in the order given. */
  public List<ParameterSet<?, ?>> sets() {
    return sets;
  }

  /** Every parameter, set by set in the order given, each set's in declaration order. */
  public List<NamedParameter> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The parameter called {@code name}; an {@link IllegalArgumentException} listing every valid
   * name with its unit if there is none.
   */
  public NamedParameter named(String name) {
    NamedParameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; valid names: "
          + validNames());
    }
    return p;
  }

  /**
   * {@code config} with the setting {@code assignment} ({@code name=value}) applied; an {@link
   * IllegalArgumentException} that names the parameter and the value and says what is wrong
   * otherwise.
   */
  public MachineConfig apply(MachineConfig config, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("a parameter setting has the form name=value, not '"
          + assignment + "'; valid names: " + validNames());
    }
    String name = assignment.substring(0, eq).strip();
    String value = assignment.substring(eq + 1);
    NamedParameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "' (given the value '"
          + value + "'); valid names: " + validNames());
    }
    return p.apply(config, value);
  }

  /** Every name with its unit, such as {@code cpu.clock-mhz (MHz)}. */
  private String validNames() {
    return String.join(", ", byName.values().stream()
        .map(p -> p.unit().isEmpty() ? p.name() : p.name() + " (" + p.unit() + ")").toList());
  }
}
