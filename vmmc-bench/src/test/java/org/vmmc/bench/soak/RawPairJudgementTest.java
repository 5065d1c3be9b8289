package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/** The oracle judges a raw UDMA pair's transfer by what the engine reads, when it reads it. */
class RawPairJudgementTest {
  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  @Test
  void messageWrittenOverTheSourceOfAnUnfinishedRawTransferTravelsWithIt() {
    // P0 exports one word at offset 400 of its export region. P1 imports it, starts a raw
    // pair of 35 words from source offset 4 to just past the word (the same page, which the
    // import grants), and at once writes a one-word message at source offset 80 and sends it:
    // the engine reads the raw transfer's source after that write, so the raw transfer
    // carries the message's word onto the granted page beside the buffer.
    List<Op> receiver = List.of(op(Code.EXPORT, 0, 3, 100, 0), op(Code.COMPUTE, 500, 0, 0, 0));
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 200), op(Code.RAW_PAIR, 1, 0, 34, 1),
        op(Code.SEND, 0, 0, 0, 20 | 1 << 20));
    Scenario scenario = new Scenario(0, 0, SoakDesigns.named("shrimp2"), 2, 1, 1, SimDuration.ofMicros(7),
        List.of(receiver, sender));

    SequenceResult r = SequenceRunner.run(scenario, null);

    assertThat(r.findings()).isEmpty();
  }
}
