package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * One independent measurement of a run: it builds its own machines, so tasks may run in any
 * order or side by side and still give the same results.
 *
 * @param description what it measures, for progress output
 * @param work the measurement
 */
public record Task(String description, Callable<List<Result>> work) {

  /** Checks the fields. */
  public Task {
    requireNonNull(description, "description");
    requireNonNull(work, "work");
  }
}
