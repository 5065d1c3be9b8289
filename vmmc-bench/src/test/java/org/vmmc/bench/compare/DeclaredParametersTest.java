package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.core.param.Parameter;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareParameters;

/**
 * Every parameter set the bench knows declares each component of its record, or names it as
 * undeclared; and what a builder is given, it keeps. The check changes one component of the
 * defaults at a time and watches which declared parameters see the change.
 */
class DeclaredParametersTest {

  /** The components a set leaves undeclared, and why: the only ones allowed. */
  private static final Map<Class<?>, Set<String>> UNDECLARED = Map.of(
      // The machine's shape sets the mesh's size.
      MeshParameters.class, Set.of("width", "height"),
      // The page and word sizes are the architecture's; the processor and buses are sets of
      // their own.
      NodeHardwareParameters.class, Set.of("geometry", "cpu", "memoryBus", "ioBus"));

  /** Components whose record accepts a single value, so no other value can be tried. */
  private static final Map<Class<?>, Set<String>> SINGLE_VALUED =
      Map.of(MeshParameters.class, Set.of("virtualChannels"));

  @Test
  void everyComponentIsADeclaredParameterOrNamedAsUndeclared() {
    List<String> findings = new ArrayList<>();
    for (ParameterSet<?, ?> set : Designs.onClassPath().allParameterSets()) {
      findings.addAll(check(set));
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void theCheckNoticesAComponentNoParameterReads() {
    // A set that forgets one of the EISA bus's four components.
    ParameterSet<IoBusParameters, IoBusParameters.Builder> partial = ParameterSet.builder(
            "eisa", "EISA", IoBusParameters.class, () -> IoBusParameters.eisa().toBuilder(),
            IoBusParameters.Builder::build)
        .add("setup-ns", org.vmmc.core.param.ValueType.NANOSECONDS, "set-up",
            SimDuration.ofMicros(1), org.vmmc.core.param.Provenance.uncertain("test"),
            IoBusParameters::setupTime, IoBusParameters.Builder::setupTime)
        .build();
    List<String> findings = check(partial);
    assertThat(findings).filteredOn(f -> f.contains("no declared parameter reads it"))
        .hasSize(3);
    assertThat(findings).filteredOn(f -> f.contains("a builder from the set does not keep it"))
        .hasSize(3);
    assertThat(findings).hasSize(6);
  }

  @Test
  void aSetRefusesToNameAComponentItsRecordLacks() {
    assertThatThrownBy(() -> ParameterSet.builder("bus", "bus", MemoryBusParameters.class,
            () -> MemoryBusParameters.xpress().toBuilder(), MemoryBusParameters.Builder::build)
        .undeclared((r, b) -> { }, "clock"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MemoryBusParameters has no component 'clock'; its components: [writeTime]");
  }

  @Test
  void theSetsTheMachineBuildsFromHoldTheOldPresets() {
    MachineConfig d = MachineConfig.defaults();
    assertThat(d.get(MachineConfig.CPU)).isEqualTo(CpuParameters.pentium60());
    assertThat(d.hardware()).isEqualTo(NodeHardwareParameters.shrimp());
    assertThat(d.get(MachineConfig.MESH)).isEqualTo(MeshParameters.PARAGON);
    Designs designs = Designs.onClassPath();
    assertThat(MachineConfig.COMPONENTS).doesNotContainAnyElementsOf(designs.parameterSets());
    assertThat(designs.allParameterSets()).extracting(ParameterSet::prefix).startsWith(
        "cpu", "xpress", "eisa", "node", "mesh", "ethernet", "kernel", "au", "library")
        .containsSubsequence("shrimp1", "shrimp2", "conventional");
    assertThat(designs.parameterSets()).extracting(ParameterSet::prefix)
        .containsExactlyElementsOf(designs.names());
  }

  /** What is wrong with {@code set}'s declarations, one line per finding. */
  private static <R extends Record, B> List<String> check(ParameterSet<R, B> set) {
    List<String> findings = new ArrayList<>();
    R defaults = set.defaults();
    Class<?> type = set.type();
    Set<String> allowed = UNDECLARED.getOrDefault(type, Set.of());
    if (!set.undeclaredComponents().equals(allowed)) {
      findings.add(set + " leaves " + set.undeclaredComponents() + " undeclared, not " + allowed);
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String where = set + ": " + type.getSimpleName() + "." + c.getName();
      Optional<R> changed = changedIn(defaults, c.getName());
      if (changed.isEmpty()) {
        if (!SINGLE_VALUED.getOrDefault(type, Set.of()).contains(c.getName())) {
          findings.add(where + " takes no other value to try");
        }
        continue;
      }
      R other = changed.get();
      boolean read = false;
      for (Parameter<R, B, ?> p : set.parameters()) {
        read |= !p.get(other).equals(p.get(defaults));
      }
      boolean undeclared = set.undeclaredComponents().contains(c.getName());
      if (!read && !undeclared) {
        findings.add(where + ": no declared parameter reads it");
      } else if (read && undeclared) {
        findings.add(where + " is named undeclared, yet a declared parameter reads it");
      }
      if (!set.build(set.toBuilder(other)).equals(other)) {
        findings.add(where + ": a builder from the set does not keep it");
      }
    }
    return findings;
  }

  /** {@code record} with component {@code name} changed to some value its record accepts. */
  @SuppressWarnings("unchecked")
  private static <R extends Record> Optional<R> changedIn(R record, String name) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    int index = -1;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(record, components[i]);
      if (components[i].getName().equals(name)) {
        index = i;
      }
    }
    Object current = values[index];
    for (Object candidate : candidates(current)) {
      values[index] = candidate;
      try {
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
        return Optional.of((R) canonical.newInstance(values));
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof IllegalArgumentException)) {
          throw new AssertionError(e.getCause());
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return Optional.empty();
  }

  private static Object value(Record record, RecordComponent c) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Values other than {@code v} of its type, the likeliest to be accepted first. */
  private static List<Object> candidates(Object v) {
    return switch (v) {
      case Integer i -> List.of(i * 2, i + 4, i + 1, i - 1).stream()
          .filter(x -> !x.equals(i)).map(x -> (Object) x).toList();
      case Long l -> List.of(l * 2, l + 4, l + 1, l - 1).stream()
          .filter(x -> !x.equals(l)).map(x -> (Object) x).toList();
      case Boolean b -> List.of(!b);
      case SimDuration d -> List.of(d.times(2), d.plus(SimDuration.ofNanos(1)));
      case ClockRate r -> List.of(new ClockRate(r.hertz() * 2));
      case Record r -> r.getClass().getRecordComponents().length == 0 ? List.of()
          : changedIn(r, r.getClass().getRecordComponents()[0].getName())
              .map(x -> List.<Object>of(x)).orElse(List.of());
      default -> throw new AssertionError("no values to try for a " + v.getClass());
    };
  }
}
