package org.vmmc.userlib;

import static java.util.Objects.requireNonNull;

import java.util.SortedMap;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimTime;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.core.stats.Metrics;

/**
 * How a run of a multicomputer ended.
 *
 * @param endTime the simulated time when the last event ran
 * @param eventsDispatched events the simulator dispatched in all runs so far
 * @param counters every counter of the simulation (packets, faults, system calls, drops), by
 *     the dotted name reports give it, such as {@code node3.nic.packets-dropped}
 */
public record RunResult(SimTime endTime, long eventsDispatched,
    SortedMap<String, Long> counters) {

  /** The value of {@code node}'s counter {@code key}, zero when nothing was counted. */
  public long counter(NodeId node, CounterKey key) {
    return counters.getOrDefault(Metrics.name(node, key), 0L);
  }

  /** The value of the machine-wide counter {@code key}, zero when nothing was counted. */
  public long counter(CounterKey key) {
    return counters.getOrDefault(requireNonNull(key, "key").qualifiedName(), 0L);
  }

  /** The sum of counter {@code key} over all nodes. */
  public long total(CounterKey key) {
    String suffix = "." + requireNonNull(key, "key").qualifiedName();
    long sum = 0;
    for (var e : counters.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("node") && name.endsWith(suffix)
          && isNodeNumber(name.substring(4, name.length() - suffix.length()))) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  private static boolean isNodeNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
