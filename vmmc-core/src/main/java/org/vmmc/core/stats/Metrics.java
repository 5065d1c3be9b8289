package org.vmmc.core.stats;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.vmmc.core.NodeId;

/**
 * The counters and histograms of one simulation. A counter is found by its {@link CounterKey}
 * and, for a per-node one, its node; reports name it by a dotted path such as {@code
 * node3.nic.packets-dropped}, and a snapshot lists them sorted by that name, so reports are
 * stable.
 */
public final class Metrics {
  /** What a counter key's component may look like. */
  private static final Pattern COMPONENT = Pattern.compile("[a-z]+(-[a-z]+)*");

  private final Map<String, Counter> counters = new TreeMap<>();
  private final Map<String, LatencyHistogram> histograms = new TreeMap<>();

  /** The counter {@code key} of node {@code node}, created at zero on first use. */
  public Counter counter(NodeId node, CounterKey key) {
    return counter(name(node, key), key);
  }

  /** The machine-wide counter {@code key}, created at zero on first use. */
  public Counter counter(CounterKey key) {
    return counter(requireNonNull(key, "key").qualifiedName(), key);
  }

  /** The value of node {@code node}'s counter {@code key}, zero when it was never created. */
  public long value(NodeId node, CounterKey key) {
    return value(name(node, key));
  }

  /** The value of the machine-wide counter {@code key}, zero when it was never created. */
  public long value(CounterKey key) {
    return value(requireNonNull(key, "key").qualifiedName());
  }

  /** The name reports give node {@code node}'s counter {@code key}: {@code node3.nic.x}. */
  public static String name(NodeId node, CounterKey key) {
    requireNonNull(node, "node");
    return "node" + node.value() + "." + requireNonNull(key, "key").qualifiedName();
  }

  private Counter counter(String name, CounterKey key) {
    Counter c = counters.get(name);
    if (c == null) {
      checkArgument(COMPONENT.matcher(key.component()).matches(),
          "counter %s of %s: its component '%s' must be lower-case words joined by '-'",
          key.id(), key.getClass().getName(), key.component());
      checkArgument(!key.id().isEmpty(), "a counter of %s has an empty id",
          key.getClass().getName());
      c = new Counter(name);
      counters.put(name, c);
    }
    return c;
  }

  /** The histogram called {@code name}, created empty on first use. */
  public LatencyHistogram histogram(String name) {
    return histograms.computeIfAbsent(requireNonNull(name, "name"), LatencyHistogram::new);
  }

  /** Every counter's value, by the name reports give it ({@link #name}), sorted by name. */
  public SortedMap<String, Long> counterValues() {
    TreeMap<String, Long> values = new TreeMap<>();
    counters.forEach((name, counter) -> values.put(name, counter.value()));
    return Collections.unmodifiableSortedMap(values);
  }

  private long value(String name) {
    Counter c = counters.get(name);
    return c == null ? 0 : c.value();
  }

  /** Every histogram, sorted by name. */
  public SortedMap<String, LatencyHistogram> histograms() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(histograms));
  }
}
