package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/** The oracle finds nothing in programs that only use the library as documented. */
class BenignProgramTest {
  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  @ParameterizedTest
  @MethodSource("org.vmmc.bench.soak.SoakDesigns#all")
  void exportImportAndSendsWithoutTeardownRaceGiveNoFinding(SoakDesign design) {
    // P0 exports two pages with a handler; P2 and P3 (node 1) import them and send.
    List<Op> exporter = List.of(op(Code.EXPORT, 0, 0, 0, 3 << 8), op(Code.COMPUTE, 2_000, 0, 0, 0));
    List<Op> idle = List.of(op(Code.COMPUTE, 500, 0, 0, 0));
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 0),
        op(Code.SEND, 0, 0, 0, 0), op(Code.SEND, 0, 1 | 10 << 4, 64, 1 << 20),
        op(Code.SEND, 0, 2 | 2000 << 4, 1000, 5), op(Code.SLEEP, 10, 0, 0, 0),
        op(Code.SEND, 0, 2 | 300 << 4, 7, 1 << 20));
    Scenario scenario = new Scenario(0, 0, design, 2, 1, 2, SimDuration.ofMicros(7),
        List.of(exporter, idle, sender, sender));

    SequenceResult r = SequenceRunner.run(scenario, null);

    assertThat(r.findings()).isEmpty();
    assertThat(r.operations()).isEqualTo(4 * 4 + 2 + 1 + 6 + 6); // four allocations each
  }
}
