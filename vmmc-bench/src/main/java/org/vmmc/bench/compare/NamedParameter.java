package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One parameter that experiments can set by name, such as {@code cpu.clock-mhz}: a component
 * of one of the machine's parameter records, with its unit and meaning.
 */
public final class NamedParameter {

  /** Where in a {@link MachineConfig} a parameter record lives. */
  record Slot<R extends Record>(Class<R> type, Function<MachineConfig, R> get,
      BiFunction<MachineConfig, R, MachineConfig> set) {}

  private final String name;
  private final Slot<?> slot;
  private final String component;
  private final ValueType type;
  private final String description;

  NamedParameter(String name, Slot<?> slot, String component, ValueType type,
      String description) {
    this.name = requireNonNull(name, "name");
    this.slot = requireNonNull(slot, "slot");
    this.component = requireNonNull(component, "component");
    this.type = requireNonNull(type, "type");
    this.description = requireNonNull(description, "description");
    RecordCopies.type(slot.type(), component); // fails early for a misspelt component
  }

  /** The parameter's name, such as {@code eisa.burst-rate}. */
  public String name() {
    return name;
  }

  /** The unit its values are written in (empty for plain counts). */
  public String unit() {
    return type.unit();
  }

  /** What the parameter means. */
  public String description() {
    return description;
  }

  /** The parameter's value in {@code config}, written in its unit. */
  public String valueIn(MachineConfig config) {
    return type.format(RecordCopies.get(slot.get().apply(config), component));
  }

  /**
   * {@code config} with this parameter set to {@code raw}; an {@link IllegalArgumentException}
   * naming the parameter and the value when {@code raw} is not a valid value.
   */
  public MachineConfig apply(MachineConfig config, String raw) {
    try {
      return applyTo(slot, config, raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad value '" + raw + "' for " + name
          + (unit().isEmpty() ? "" : " (" + unit() + ")") + ": " + e.getMessage(), e);
    }
  }

  private <R extends Record> MachineConfig applyTo(Slot<R> s, MachineConfig config,
      String raw) {
    R current = s.get().apply(config);
    Object value = type.parse(raw, RecordCopies.type(s.type(), component));
    return s.set().apply(config, RecordCopies.with(current, component, value));
  }

  @Override
  public String toString() {
    return name;
  }
}
