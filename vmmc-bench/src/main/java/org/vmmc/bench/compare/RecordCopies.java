package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Copies of immutable parameter records with one component changed, through the record's
 * canonical constructor, so the record's own checks judge the new value.
 */
final class RecordCopies {
  private RecordCopies() {}

  /** The value of component {@code name} of {@code record}. */
  static Object get(Record record, String name) {
    RecordComponent c = component(record.getClass(), name);
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name + " of " + record, e);
    }
  }

  /** The type of component {@code name} of {@code type}. */
  static Class<?> type(Class<? extends Record> type, String name) {
    return component(type, name).getType();
  }

  /**
   * A copy of {@code record} with component {@code name} set to {@code value}; the record's
   * constructor's {@link IllegalArgumentException} passes through unchanged.
   */
  @SuppressWarnings("unchecked")
  static <R extends Record> R with(R record, String name, Object value) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (components[i].getName().equals(name)) {
        values[i] = value;
        found = true;
      } else {
        values[i] = get(record, components[i].getName());
      }
    }
    checkArgument(found, "%s has no component %s", record.getClass().getSimpleName(), name);
    try {
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return (R) canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot copy " + record, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record, e);
    }
  }

  private static RecordComponent component(Class<?> type, String name) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
  }
}
