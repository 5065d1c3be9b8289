package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.compare.Designs;

class SoakCommandTest {
  private static final Pattern LAST_LINE = Pattern.compile("soak: (\\d+) sequences, (\\d+)"
      + " operations, (\\d+) escapes, (\\d+) losses, (\\d+) duplicates, (\\d+) unclear,"
      + " (\\d+) crashes");

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void aTinySoakEndsWithTheTotalsLineAndFailsExactlyWhenItFoundSomething() {
    CommandRun r = run("soak", "--seconds", "60", "--sequences", "6", "--seed", "5", "--threads", "1");

    Matcher last = LAST_LINE.matcher(r.lastLine());
    assertThat(last.matches()).as("last line: %s", r.lastLine()).isTrue();
    assertThat(Long.parseLong(last.group(1))).isEqualTo(6);
    assertThat(Long.parseLong(last.group(2))).isPositive();
    long findings = 0;
    for (int g = 3; g <= 7; g++) {
      findings += Long.parseLong(last.group(g));
    }
    assertThat(r.status()).isEqualTo(findings == 0 ? 0 : 1);
    assertThat(r.out()).contains("soak: seed 5, designs " + Designs.onClassPath().names());
    if (findings > 0) {
      assertThat(r.out()).containsPattern("finding: replay 5:\\d+ \\(");
    }
  }

  @Test
  void theDesignsOptionLimitsTheSequencesRun() {
    CommandRun r = run("soak", "--seconds", "60", "--sequences", "6", "--seed", "5", "--threads", "1",
        "--designs", "conventional");

    assertThat(r.out()).contains("designs [conventional]");
    assertThat(r.out()).doesNotContain("(shrimp2)").doesNotContain("(shrimp1)");
    assertThat(LAST_LINE.matcher(r.lastLine()).matches()).isTrue();
  }

  @Test
  void replayRunsOneSequenceAndPrintsEveryStep() {
    CommandRun r = run("soak", "--replay", "5:0");

    assertThat(r.out()).contains("replay: sequence 5:0 (").contains("replay: P0 steps [EXPORT(")
        .containsPattern("  P0 \\(process 0\\.0\\) t=.* EXPORT\\(")
        .containsPattern("replay: \\d+ operations, \\d+ findings");
    assertThat(r.status()).isEqualTo(r.out().contains(", 0 findings") ? 0 : 1);
  }

  @Test
  void aMalformedReplayKeyIsRefusedWithTheExpectedForm() {
    CommandRun r = run("soak", "--replay", "17");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--replay wants SEED:INDEX, such as 42:17, not '17'");
  }

  @Test
  void anUnknownDesignIsRefusedWithTheValidOnes() {
    CommandRun r = run("soak", "--seconds", "1", "--designs", "shrimp3");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("unknown design 'shrimp3'")
        .contains(Designs.onClassPath().names().toString());
  }
}
