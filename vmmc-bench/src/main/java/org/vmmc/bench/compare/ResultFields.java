package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.LinkedHashMap;
import java.util.SequencedMap;

/** Builds a result's {@link Result#fields()}: {@code experiment} first, then the rest in order. */
final class ResultFields {
  private ResultFields() {}

  /**
   * The fields of {@code result}: {@code experiment}, then each name and value of
   * {@code namesAndValues} (name, value, name, value, ...) in the order given.
   */
  static SequencedMap<String, Object> of(Result result, Object... namesAndValues) {
    checkArgument(namesAndValues.length % 2 == 0,
        "fields come as name-value pairs, but %s names and values were given",
        namesAndValues.length);
    SequencedMap<String, Object> f = new LinkedHashMap<>();
    f.put("experiment", result.experiment());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      f.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return f;
  }
}
