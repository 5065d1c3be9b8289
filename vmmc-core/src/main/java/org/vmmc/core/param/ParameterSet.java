package org.vmmc.core.param;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The declared parameters of one component (the CPU, the EISA bus, a network interface
 * design): a prefix that names them ({@code cpu}, {@code shrimp2}), the component's parameter
 * record, how to build one, and one {@link Parameter} per settable value. The record's
 * defaults are built from the declarations, so a default is written once.
 *
 * <pre>{@code
 * public static final ParameterSet<CpuParameters, Builder> PARAMETERS =
 *     ParameterSet.builder("cpu", "node CPU", CpuParameters.class, Builder::new, Builder::build)
 *         .add("clock-mhz", ValueType.MEGAHERTZ, "node CPU core clock",
 *             ClockRate.ofMegahertz(60), Provenance.uncertain("design reference"),
 *             CpuParameters::clock, Builder::clock)
 *         .build();
 * }</pre>
 *
 * @param <R> the parameter record
 * @param <B> the record's builder
 */
public final class ParameterSet<R extends Record, B> {
  private final String prefix;
  private final String title;
  private final Class<R> type;
  private final Supplier<B> newBuilder;
  private final Function<B, R> build;
  private final Map<String, Parameter<R, B, ?>> parameters;
  private final List<Parameter<R, B, ?>> order;
  private final Set<String> undeclared;
  private final BiConsumer<R, B> copyUndeclared;
  private final R defaults;

  private ParameterSet(Builder<R, B> b) {
    this.prefix = b.prefix;
    this.title = b.title;
    this.type = b.type;
    this.newBuilder = b.newBuilder;
    this.build = b.build;
    this.parameters = Map.copyOf(b.parameters);
    this.order = List.copyOf(b.parameters.values());
    this.undeclared = ImmutableSet.copyOf(b.undeclared);
    this.copyUndeclared = b.copyUndeclared;
    B builder = newBuilder.get();
    order.forEach(p -> p.setDefault(builder));
    this.defaults = build.apply(builder);
  }

  /**
   * Starts the declaration of the parameters called {@code prefix.*} of the component {@code
   * title}, whose record is {@code type}, built by {@code build} from a {@code newBuilder}.
   */
  public static <R extends Record, B> Builder<R, B> builder(String prefix, String title,
      Class<R> type, Supplier<B> newBuilder, Function<B, R> build) {
    return new Builder<>(prefix, title, type, newBuilder, build);
  }

  /** The prefix of the parameters' names, such as {@code cpu}. */
  public String prefix() {
    return prefix;
  }

  /** The component the parameters belong to, as a person would name it. */
  public String title() {
    return title;
  }

  /** The component's parameter record. */
  public Class<R> type() {
    return type;
  }

  /** The declared parameters, in declaration order. */
  public List<Parameter<R, B, ?>> parameters() {
    return order;
  }

  /**
   * The names of the record's components that are not parameters (such as a mesh's width and
   * height, which its shape sets): {@link #toBuilder} copies them, {@link #defaults} takes the
   * builder's own starting values.
   */
  public Set<String> undeclaredComponents() {
    return undeclared;
  }

  /** The record with every parameter at its declared default. */
  public R defaults() {
    return defaults;
  }

  /** A builder holding the values of {@code record}, to derive a changed record from. */
  public B toBuilder(R record) {
    requireNonNull(record, "record");
    B b = newBuilder.get();
    copyUndeclared.accept(record, b);
    order.forEach(p -> p.copy(record, b));
    return b;
  }

  /** The record {@code builder} holds; the record's own checks judge the values. */
  public R build(B builder) {
    return build.apply(builder);
  }

  /** The full name of {@code parameter}, such as {@code cpu.clock-mhz}. */
  public String qualifiedName(Parameter<R, B, ?> parameter) {
    return prefix + "." + parameter.name();
  }

  /**
   * The parameter called {@code name} (without the prefix); an {@link IllegalArgumentException}
   * listing the valid names if there is none.
   */
  public Parameter<R, B, ?> parameter(String name) {
    Parameter<R, B, ?> p = parameters.get(name);
    if (p == null) {
      List<String> names = order.stream().map(q -> prefix + "." + q.name()).toList();
      throw new IllegalArgumentException("unknown parameter '" + prefix + "." + name
          + "'; valid names: " + String.join(", ", names));
    }
    return p;
  }

  /**
   * {@code record} with parameter {@code name} set to the value {@code raw} means; an {@link
   * IllegalArgumentException} naming the parameter, its unit and the value otherwise.
   */
  public R with(R record, String name, String raw) {
    Parameter<R, B, ?> p = parameter(name);
    B b = toBuilder(record);
    p.parseInto(b, raw, qualifiedName(p));
    try {
      return build(b);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad value '" + raw + "' for " + qualifiedName(p)
          + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")") + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return prefix;
  }

  /** Declares a set's parameters one by one. */
  public static final class Builder<R extends Record, B> {
    private final String prefix;
    private final String title;
    private final Class<R> type;
    private final Supplier<B> newBuilder;
    private final Function<B, R> build;
    private final Map<String, Parameter<R, B, ?>> parameters = new LinkedHashMap<>();
    private final Set<String> undeclared = new LinkedHashSet<>();
    private BiConsumer<R, B> copyUndeclared = (record, builder) -> { };

    private Builder(String prefix, String title, Class<R> type, Supplier<B> newBuilder,
        Function<B, R> build) {
      checkArgument(requireNonNull(prefix, "prefix").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
          "a parameter prefix is lower-case words joined by '-': '%s'", prefix);
      this.prefix = prefix;
      this.title = requireNonNull(title, "title");
      this.type = requireNonNull(type, "type");
      this.newBuilder = requireNonNull(newBuilder, "newBuilder");
      this.build = requireNonNull(build, "build");
    }

    /**
     * Declares parameter {@code name}: values of {@code type}, meaning {@code description}, by
     * default {@code defaultValue} (from {@code provenance}), read from the record by {@code
     * getter} and set on the builder by {@code setter}.
     */
    public <T> Builder<R, B> add(String name, ValueType<T> type, String description,
        T defaultValue, Provenance provenance, Function<R, T> getter,
        BiConsumer<B, T> setter) {
      Parameter<R, B, T> p = new Parameter<>(name, type, description, defaultValue, provenance,
          getter, setter);
      checkArgument(parameters.put(name, p) == null, "parameter %s.%s is declared twice",
          prefix, name);
      return this;
    }

    /**
     * Names the record's {@code components} that are not parameters, and how {@code copy}
     * carries them from a record to a builder, so that {@link ParameterSet#toBuilder} keeps
     * them; an {@link IllegalArgumentException} if the record has no such component.
     */
    public Builder<R, B> undeclared(BiConsumer<R, B> copy, String... components) {
      Set<String> names = new LinkedHashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(c.getName());
      }
      for (String c : components) {
        checkArgument(names.contains(c), "%s has no component '%s'; its components: %s",
            type.getSimpleName(), c, names);
      }
      undeclared.addAll(Arrays.asList(components));
      BiConsumer<R, B> before = copyUndeclared;
      copyUndeclared = before.andThen(requireNonNull(copy, "copy"));
      return this;
    }

    /** The set, with its defaults built from the declarations. */
    public ParameterSet<R, B> build() {
      return new ParameterSet<>(this);
    }
  }
}
