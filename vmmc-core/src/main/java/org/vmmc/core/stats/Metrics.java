package org.vmmc.core.stats;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vmmc.core.NodeId;

/**
 * The counters and histograms of one simulation, by name. Names are dotted paths such as
 * {@code node3.nic.packets-dropped}; a snapshot lists them sorted, so reports are stable.
 */
public final class Metrics {
  private final Map<String, Counter> counters = new TreeMap<>();
  private final Map<String, LatencyHistogram> histograms = new TreeMap<>();

  /** The counter called {@code name}, created at zero on first use. */
  public Counter counter(String name) {
    return counters.computeIfAbsent(requireNonNull(name, "name"), Counter::new);
  }

  /** The counter {@code key} of node {@code node}, created at zero on first use. */
  public Counter counter(NodeId node, CounterKey key) {
    return counter(name(node, key));
  }

  /** The machine-wide counter {@code key}, created at zero on first use. */
  public Counter counter(CounterKey key) {
    return counter(key.qualifiedName());
  }

  /** The value of node {@code node}'s counter {@code key}, zero when it was never created. */
  public long value(NodeId node, CounterKey key) {
    return value(name(node, key));
  }

  /** The value of the machine-wide counter {@code key}, zero when it was never created. */
  public long value(CounterKey key) {
    return value(key.qualifiedName());
  }

  /** The name reports give node {@code node}'s counter {@code key}: {@code node3.nic.x}. */
  public static String name(NodeId node, CounterKey key) {
    return "node" + node.value() + "." + key.qualifiedName();
  }

  /** The histogram called {@code name}, created empty on first use. */
  public LatencyHistogram histogram(String name) {
    return histograms.computeIfAbsent(requireNonNull(name, "name"), LatencyHistogram::new);
  }

  /** Every counter's value, sorted by name. */
  public SortedMap<String, Long> counterValues() {
    TreeMap<String, Long> values = new TreeMap<>();
    counters.forEach((name, counter) -> values.put(name, counter.value()));
    return Collections.unmodifiableSortedMap(values);
  }

  /** The value of counter {@code name}, zero when it was never created. */
  public long value(String name) {
    Counter c = counters.get(name);
    return c == null ? 0 : c.value();
  }

  /** Every histogram, sorted by name. */
  public SortedMap<String, LatencyHistogram> histograms() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(histograms));
  }
}
