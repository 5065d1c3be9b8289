package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/**
 * A raw transfer reads its source when the engine gets to it, not when it is started: words the
 * sender writes there meanwhile for its next message travel with the raw transfer.
 */
class RawSourceRewriteTest {
  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  @ParameterizedTest
  @MethodSource("org.vmmc.bench.soak.SoakDesigns#all")
  void wordsRewrittenUnderARawTransferAreJudgedWhereTheRawTransferTakesThem(SoakDesign design) {
    // P0 exports the first half of a page; P2 (node 1) imports it, starts a raw transfer of 51
    // words to just past the buffer's end (on the same, granted page), then at once sends 100
    // words from a source range that covers the raw transfer's.
    List<Op> exporter = List.of(op(Code.EXPORT, 0, 2, 0, 0), op(Code.COMPUTE, 2_000, 0, 0, 0));
    List<Op> idle = List.of(op(Code.COMPUTE, 500, 0, 0, 0));
    // Source word 80 of the 1949 places a 100-word message can start at, and no notification.
    int sourceAt320 = 80 + 1_949 * 539;
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 0), op(Code.RAW_PAIR, 1, 0, 50, 100),
        op(Code.SEND, 0, 2 | 99 << 4, 0, sourceAt320));
    Scenario scenario = new Scenario(0, 0, design, 2, 1, 2, SimDuration.ofMicros(7),
        List.of(exporter, idle, sender, idle));

    SequenceResult r = SequenceRunner.run(scenario, null);

    assertThat(r.findings()).isEmpty();
    assertThat(r.operations()).isEqualTo(4 * 4 + 2 + 1 + 3 + 1);
  }
}
