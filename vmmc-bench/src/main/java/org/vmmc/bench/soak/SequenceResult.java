package org.vmmc.bench.soak;

import java.util.List;
import org.vmmc.bench.soak.Finding.Kind;

/**
 * What one sequence did and what the oracle found in it.
 *
 * @param scenario the sequence
 * @param operations the steps the processes ran
 * @param findings one finding per kind and rule that fired, the first of its rule
 */
public record SequenceResult(Scenario scenario, int operations, List<Finding> findings) {

  /** Copies the findings. */
  public SequenceResult {
    findings = List.copyOf(findings);
  }

  /** Findings of {@code kind}. */
  public long count(Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).count();
  }
}
