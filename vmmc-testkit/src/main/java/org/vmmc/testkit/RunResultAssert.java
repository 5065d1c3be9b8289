package org.vmmc.testkit;

import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;
import org.vmmc.userlib.RunResult;

/** Assertions on a {@link RunResult}; get one from {@link VmmcAssertions#assertThat(RunResult)}. */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

  RunResultAssert(RunResult actual) {
    super(actual, RunResultAssert.class);
  }

  /**
   * The value of counter {@code name} (such as {@code node0.nic.packets-received}), zero when
   * nothing was counted under it, to assert on.
   */
  public AbstractLongAssert<?> counter(String name) {
    isNotNull();
    return Assertions.assertThat(actual.counter(name)).as("counter %s", name);
  }

  /** The sum of counter {@code suffix} over all nodes ({@code nodeN.suffix}), to assert on. */
  public AbstractLongAssert<?> total(String suffix) {
    isNotNull();
    return Assertions.assertThat(actual.total(suffix)).as("counter %s summed over the nodes",
        suffix);
  }

  /**
   * Checks that nothing was dropped: no counter whose name says so ({@code packets-dropped},
   * {@code dropped-packets}, {@code notifications-dropped}, ...) is above zero. A run that
   * returned has already seen every process finish.
   */
  public RunResultAssert finishedCleanly() {
    isNotNull();
    Map<String, Long> dropped = new TreeMap<>();
    actual.counters().forEach((name, value) -> {
      if (name.contains("dropped") && value > 0) {
        dropped.put(name, value);
      }
    });
    if (!dropped.isEmpty()) {
      failWithMessage("expected a run that dropped nothing, but it counted %s", dropped);
    }
    return this;
  }
}
