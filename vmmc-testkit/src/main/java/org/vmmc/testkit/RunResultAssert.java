package org.vmmc.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;
import org.vmmc.core.NodeId;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.core.stats.Metrics;
import org.vmmc.kernel.KernelCounter;
import org.vmmc.userlib.RunResult;

/** Assertions on a {@link RunResult}; get one from {@link VmmcAssertions#assertThat(RunResult)}. */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

  RunResultAssert(RunResult actual) {
    super(actual, RunResultAssert.class);
  }

  /** The counters that count something lost: each must be reported where it is counted. */
  private static final List<CounterKey> LOSSES = List.of(NicCounter.PACKETS_DROPPED,
      KernelCounter.DROPPED_PACKETS, KernelCounter.NOTIFICATIONS_DROPPED);

  /**
   * The value of node {@code node}'s counter {@code key}, zero when nothing was counted under
   * it, to assert on.
   */
  public AbstractLongAssert<?> counter(NodeId node, CounterKey key) {
    isNotNull();
    return Assertions.assertThat(actual.counter(node, key))
        .as("counter %s", Metrics.name(node, key));
  }

  /** The sum of counter {@code key} over all nodes, to assert on. */
  public AbstractLongAssert<?> total(CounterKey key) {
    isNotNull();
    return Assertions.assertThat(actual.total(key)).as("counter %s summed over the nodes",
        key.qualifiedName());
  }

  /**
   * Checks that nothing was lost: no node dropped a packet on arrival, took an error interrupt
   * for one, or dropped a notification. A run that returned has already seen every process
   * finish.
   */
  public RunResultAssert finishedCleanly() {
    isNotNull();
    Map<String, Long> dropped = new TreeMap<>();
    for (CounterKey key : LOSSES) {
      String suffix = "." + key.qualifiedName();
      actual.counters().forEach((name, value) -> {
        if (name.endsWith(suffix) && value > 0) {
          dropped.put(name, value);
        }
      });
    }
    if (!dropped.isEmpty()) {
      failWithMessage("expected a run that dropped nothing, but it counted %s", dropped);
    }
    return this;
  }
}
