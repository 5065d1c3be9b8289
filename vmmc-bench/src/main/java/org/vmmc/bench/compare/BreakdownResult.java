package org.vmmc.bench.compare;

import java.util.EnumMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Where the time of one message goes on one variant: its one-way latency cut into the
 * {@link Component}s, which add up to it.
 *
 * @param design the design's name
 * @param mode the mode's name
 * @param bytes the message size in bytes
 * @param latencyUs the traced message's one-way latency in µs
 * @param componentsUs each component's share in µs
 */
public record BreakdownResult(String design, String mode, int bytes, double latencyUs,
    Map<Component, Double> componentsUs) implements Result {

  /** Copies the map, with every component present. */
  public BreakdownResult {
    EnumMap<Component, Double> all = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      all.put(c, componentsUs.getOrDefault(c, 0.0));
    }
    componentsUs = java.util.Collections.unmodifiableMap(all);
  }

  /** The share of {@code component} in µs. */
  public double us(Component component) {
    return componentsUs.get(component);
  }

  @Override
  public String experiment() {
    return "breakdown";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    SequencedMap<String, Object> f = ResultFields.of(this, "design", design, "mode", mode,
        "bytes", bytes, "latency_us", latencyUs);
    for (Component c : Component.values()) {
      f.put(c.field(), componentsUs.get(c));
    }
    return f;
  }
}
