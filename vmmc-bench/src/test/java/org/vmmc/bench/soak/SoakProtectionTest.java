package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The randomised adversarial protection test: random export, import, send, automatic update,
 * unexport, unimport, free, exit and misuse across processes, nodes, designs and scheduler
 * quanta, judged by the oracle. Each failure names the {@code seed:index} that
 * {@code vmmc-bench soak --replay} runs again step by step.
 */
class SoakProtectionTest {
  private static final long SEED = 20_261_202L;
  private static final int SEQUENCES = 3_000;

  @Test
  void randomSequencesOnEveryDesignBreakNoGuarantee() throws Exception {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    List<Future<SequenceResult>> runs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < SEQUENCES; i++) {
        long index = i;
        runs.add(pool.submit(() -> SequenceRunner.run(SoakDesigns.FOUND_UNDER, SEED, index)));
      }
      // One line per rule that fired: how many sequences, and the first one to replay.
      Map<String, String> firstByRule = new TreeMap<>();
      Map<String, Integer> sequencesByRule = new TreeMap<>();
      long operations = 0;
      for (Future<SequenceResult> run : runs) {
        SequenceResult r = run.get();
        operations += r.operations();
        for (Finding f : r.findings()) {
          String rule = f.kind().name().toLowerCase(Locale.ROOT) + " [" + f.rule() + "]";
          sequencesByRule.merge(rule, 1, Integer::sum);
          firstByRule.putIfAbsent(rule, "replay " + r.scenario().replayKey() + " ("
              + r.scenario().design().label() + "): " + f.detail());
        }
      }
      assertThat(operations).isGreaterThan(SEQUENCES * 10L);
      List<String> report = new ArrayList<>();
      sequencesByRule.forEach((rule, n) -> report.add(rule + " in " + n + " sequences, first "
          + firstByRule.get(rule)));
      assertThat(report).as("findings in %s sequences of seed %s", SEQUENCES, SEED).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
