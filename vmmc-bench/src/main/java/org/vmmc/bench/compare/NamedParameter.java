package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.param.Confidence;
import org.vmmc.core.param.Parameter;
import org.vmmc.core.param.ParameterSet;

/**
 * One parameter that experiments can set by name, such as {@code cpu.clock-mhz}: a declared
 * {@link Parameter} of one {@link ParameterSet}, read from and written to a {@link
 * MachineConfig}. Everything it says comes from the declaration.
 */
public sealed interface NamedParameter permits NamedParameter.Declared {

  /** The parameter of {@code set} declared as {@code parameter}. */
  static <R extends Record, B> NamedParameter of(ParameterSet<R, B> set,
      Parameter<R, B, ?> parameter) {
    return new Declared<>(set, parameter);
  }

  /** The qualified name, such as {@code eisa.burst-rate}. */
  String name();

  /** The unit its values are written in (empty for plain counts). */
  String unit();

  /** What the parameter means, in one line. */
  String description();

  /** How sure the model is of the default. */
  Confidence confidence();

  /** Where the default comes from. */
  String source();

  /** The declared default, written in the parameter's unit. */
  String defaultValue();

  /** The parameter's value in {@code config}, written in its unit. */
  String valueIn(MachineConfig config);

  /**
   * {@code config} with this parameter set to the value {@code raw} means; an {@link
   * IllegalArgumentException} naming the parameter, its unit and the value otherwise.
   */
  MachineConfig apply(MachineConfig config, String raw);

  /** A declared parameter with the set it belongs to. */
  record Declared<R extends Record, B>(ParameterSet<R, B> set, Parameter<R, B, ?> parameter)
      implements NamedParameter {

    /** Checks that {@code parameter} is one of {@code set}'s. */
    public Declared {
      requireNonNull(set, "set");
      requireNonNull(parameter, "parameter");
      if (!set.parameters().contains(parameter)) {
        throw new IllegalArgumentException(parameter + " is not a parameter of " + set);
      }
    }

    @Override
    public String name() {
      return set.qualifiedName(parameter);
    }

    @Override
    public String unit() {
      return parameter.unit();
    }

    @Override
    public String description() {
      return parameter.description();
    }

    @Override
    public Confidence confidence() {
      return parameter.confidence();
    }

    @Override
    public String source() {
      return parameter.provenance().source();
    }

    @Override
    public String defaultValue() {
      return parameter.format(set.defaults());
    }

    @Override
    public String valueIn(MachineConfig config) {
      return parameter.format(config.get(set));
    }

    @Override
    public MachineConfig apply(MachineConfig config, String raw) {
      return config.with(set, set.with(config.get(set), parameter.name(), raw));
    }

    @Override
    public String toString() {
      return name();
    }
  }
}
