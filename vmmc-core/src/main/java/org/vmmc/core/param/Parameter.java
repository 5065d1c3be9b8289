package org.vmmc.core.param;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One declared parameter of a component: its name, unit, meaning, default and where the default
 * comes from, and how to read it from the component's parameter record and set it on the
 * record's builder. Declared once, in the component's {@link ParameterSet}; help text, {@code
 * --param} parsing and reports are derived from it.
 *
 * @param <R> the parameter record
 * @param <B> the record's builder
 * @param <T> the value's type
 */
public final class Parameter<R extends Record, B, T> {
  private final String name;
  private final ValueType<T> type;
  private final String description;
  private final T defaultValue;
  private final Provenance provenance;
  private final Function<R, T> getter;
  private final BiConsumer<B, T> setter;

  Parameter(String name, ValueType<T> type, String description, T defaultValue,
      Provenance provenance, Function<R, T> getter, BiConsumer<B, T> setter) {
    checkArgument(requireNonNull(name, "name").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
        "a parameter name is lower-case words joined by '-': '%s'", name);
    this.name = name;
    this.type = requireNonNull(type, "type");
    this.description = requireNonNull(description, "description");
    this.defaultValue = requireNonNull(defaultValue, "defaultValue");
    this.provenance = requireNonNull(provenance, "provenance");
    this.getter = requireNonNull(getter, "getter");
    this.setter = requireNonNull(setter, "setter");
    checkArgument(type.javaType().isInstance(defaultValue),
        "default of %s is a %s, not a %s", name, defaultValue.getClass().getSimpleName(),
        type.javaType().getSimpleName());
  }

  /** The name within its set, such as {@code snoop-cycles}. */
  public String name() {
    return name;
  }

  /** How values are written, and their unit. */
  public ValueType<T> type() {
    return type;
  }

  /** The unit values are written in (empty for plain counts). */
  public String unit() {
    return type.unit();
  }

  /** What the parameter means, in one line. */
  public String description() {
    return description;
  }

  /** The documented default. */
  public T defaultValue() {
    return defaultValue;
  }

  /** Where the default comes from and how sure it is. */
  public Provenance provenance() {
    return provenance;
  }

  /** How sure the model is of the default. */
  public Confidence confidence() {
    return provenance.confidence();
  }

  /** The value in {@code record}. */
  public T get(R record) {
    return getter.apply(record);
  }

  /** The value in {@code record}, written in this parameter's unit. */
  public String format(R record) {
    return type.format(get(record));
  }

  /** Sets {@code value} on {@code builder}. */
  public void set(B builder, T value) {
    setter.accept(builder, requireNonNull(value, "value"));
  }

  /**
   * Sets the value {@code raw} means on {@code builder}; an {@link IllegalArgumentException}
   * naming this parameter and its unit when {@code raw} is not a value of its type.
   */
  public void parseInto(B builder, String raw, String qualifiedName) {
    T value;
    try {
      value = type.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad value '" + raw + "' for " + qualifiedName
          + (unit().isEmpty() ? "" : " (" + unit() + ")") + ": " + e.getMessage(), e);
    }
    set(builder, value);
  }

  void copy(R from, B to) {
    set(to, get(from));
  }

  void setDefault(B builder) {
    set(builder, defaultValue);
  }

  @Override
  public String toString() {
    return name;
  }
}
