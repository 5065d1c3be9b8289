package org.vmmc.userlib;

import java.util.SortedMap;
import org.vmmc.core.SimTime;

/**
 * How a run of a multicomputer ended.
 *
 * @param endTime the simulated time when the last event ran
 * @param eventsDispatched events the simulator dispatched in all runs so far
 * @param counters every counter of the simulation (packets, faults, system calls, drops), by
 *     dotted name such as {@code node3.nic.packets-dropped}
 */
public record RunResult(SimTime endTime, long eventsDispatched,
    SortedMap<String, Long> counters) {

  /** The value of counter {@code name}, zero when nothing was counted under it. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** The sum of counter {@code suffix} over all nodes ({@code nodeN.suffix}). */
  public long total(String suffix) {
    long sum = 0;
    for (var e : counters.entrySet()) {
      if (e.getKey().startsWith("node") && e.getKey().endsWith("." + suffix)) {
        sum += e.getValue();
      }
    }
    return sum;
  }
}
