package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.reflect.ClassPath;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.param.ParameterSet;

/**
 * Confinement: a program that holds any object of the public API (even the {@link Multicomputer}
 * itself) cannot reach a kernel, hardware or engine object through it, so it can change memory
 * only through its own process's references. Checked over every public method and field of
 * every public type of {@code org.vmmc.userlib}: what it returns, and what the library hands to
 * the callbacks it takes. Deep reflection ({@code setAccessible}) is outside the model.
 */
class ConfinementTest {

  /**
   * Types of vmmc-core that describe, and cannot act: the design's name and features, and the
   * declarations of a parameter record's parameters (which only build records).
   */
  private static final Set<Class<?>> DESCRIPTIVE = Set.of(NicDesign.class, ParameterSet.class);

  @Test
  void noPublicMethodOrFieldHandsOutAKernelHardwareOrEngineObject() throws IOException {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      for (Method m : type.getMethods()) {
        if (m.getDeclaringClass() == Object.class || m.isSynthetic()) {
          continue;
        }
        String where = type.getSimpleName() + "." + m.getName();
        if (m.getGenericReturnType() instanceof TypeVariable<?> v && isUnbounded(v)) {
          leaks.add(where + " returns any type the caller names (" + v + ")");
        }
        check(m.getGenericReturnType(), where + " returns ", leaks, new HashSet<>());
        for (Type parameter : m.getGenericParameterTypes()) {
          checkCallback(parameter, where, leaks);
        }
      }
      for (Field f : type.getFields()) {
        check(f.getGenericType(), type.getSimpleName() + "." + f.getName() + " holds ", leaks,
            new HashSet<>());
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theCheckSeesTheBackDoorsItGuardsAgainst() {
    List<String> leaks = new ArrayList<>();
    check(org.vmmc.kernel.KernelProcess.class, "kernel ", leaks, new HashSet<>());
    check(org.vmmc.core.hw.PhysicalMemory.class, "memory ", leaks, new HashSet<>());
    check(org.vmmc.core.hw.PageTableEntry.class, "entry ", leaks, new HashSet<>());
    check(org.vmmc.core.sim.Simulator.class, "engine ", leaks, new HashSet<>());
    check(org.vmmc.core.nic.UserAccessPath.class, "access path ", leaks, new HashSet<>());
    assertThat(leaks).hasSize(5);
    leaks.clear();
    check(org.vmmc.core.PhysicalAddress.class, "address ", leaks, new HashSet<>());
    check(org.vmmc.core.Notification.class, "notification ", leaks, new HashSet<>());
    check(NicDesign.class, "design ", leaks, new HashSet<>());
    assertThat(leaks).isEmpty();
  }

  /** The public top-level types of the package and their public nested types. */
  private static List<Class<?>> publicTypes() throws IOException {
    List<Class<?>> types = new ArrayList<>();
    for (ClassPath.ClassInfo info : ClassPath.from(Multicomputer.class.getClassLoader())
        .getTopLevelClasses(Multicomputer.class.getPackageName())) {
      Class<?> type = info.load();
      // The test tree shares the package: only production types are API.
      if (type.getProtectionDomain().getCodeSource().getLocation()
          .equals(Multicomputer.class.getProtectionDomain().getCodeSource().getLocation())) {
        addPublic(type, types);
      }
    }
    assertThat(types).contains(Multicomputer.class, Multicomputer.Builder.class, Node.class,
        VmmcProcess.class, Vmmc.class, UserMemory.class);
    return types;
  }

  private static void addPublic(Class<?> type, List<Class<?>> types) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    types.add(type);
    for (Class<?> nested : type.getDeclaredClasses()) {
      addPublic(nested, types);
    }
  }

  /** What the library passes to a callback the caller gives it must not be a back door either. */
  private static void checkCallback(Type parameter, String where, List<String> leaks) {
    if (!(raw(parameter) instanceof Class<?> c) || !c.isInterface() || c.isSealed()) {
      return;
    }
    for (Method m : c.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        for (Type given : m.getGenericParameterTypes()) {
          check(given, where + " passes its " + c.getSimpleName() + " ", leaks, new HashSet<>());
        }
      }
    }
  }

  private static void check(Type type, String where, List<String> leaks, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    switch (type) {
      case Class<?> c when c.isArray() -> check(c.getComponentType(), where, leaks, seen);
      case Class<?> c -> {
        if (isBackDoor(c)) {
          leaks.add(where + c.getName());
        } else if (c.isRecord() && c.getPackageName().startsWith("org.vmmc.")) {
          for (RecordComponent component : c.getRecordComponents()) {
            check(component.getGenericType(), where + c.getSimpleName() + "."
                + component.getName() + ": ", leaks, seen);
          }
        } else if (c.isSealed()) {
          for (Class<?> sub : c.getPermittedSubclasses()) {
            check(sub, where, leaks, seen);
          }
        }
      }
      case ParameterizedType p -> {
        check(p.getRawType(), where, leaks, seen);
        for (Type argument : p.getActualTypeArguments()) {
          check(argument, where, leaks, seen);
        }
      }
      case GenericArrayType a -> check(a.getGenericComponentType(), where, leaks, seen);
      case WildcardType w -> {
        for (Type bound : w.getUpperBounds()) {
          check(bound, where, leaks, seen);
        }
      }
      case TypeVariable<?> v -> {
        for (Type bound : v.getBounds()) {
          check(bound, where, leaks, seen);
        }
      }
      default -> { }
    }
  }

  /**
   * A type of the kernel or the hardware, or an acting (non-value) type of vmmc-core: hardware
   * SPIs such as PhysicalMemory, AddressSpace, Cpu and MemoryBus, network interface SPIs, the
   * engine (Simulator, SimProcess, Signal) and the mutable statistics.
   */
  private static boolean isBackDoor(Class<?> c) {
    String pkg = c.getPackageName();
    if (pkg.startsWith("org.vmmc.kernel") || pkg.startsWith("org.vmmc.hardware")) {
      return true;
    }
    if (!pkg.startsWith("org.vmmc.core") || DESCRIPTIVE.contains(c)) {
      return false;
    }
    return !(c.isRecord() || c.isEnum() || c.isSealed() || Throwable.class.isAssignableFrom(c)
        || c.isAnnotation() || isFunctionalCallback(c));
  }

  /** A callback type the caller implements (a handler, a tracer): it receives, it does not act. */
  private static boolean isFunctionalCallback(Class<?> c) {
    return c.isInterface() && c.isAnnotationPresent(FunctionalInterface.class);
  }

  private static boolean isUnbounded(TypeVariable<?> v) {
    return v.getBounds().length == 1 && v.getBounds()[0] == Object.class;
  }

  private static Type raw(Type type) {
    return type instanceof ParameterizedType p ? p.getRawType() : type;
  }
}
