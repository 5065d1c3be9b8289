package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/**
 * The oracle judges automatic-update stores as the interface carries them: by the binding a
 * page has when the store is made, and with the last packet of a {@code BLOCK_WRITE} burst held
 * until something closes it.
 */
class AutomaticUpdateJudgementTest {
  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  /** P0 on node 0 exports two page-aligned pages to anyone; it exits first (stagger 0 µs). */
  private static final List<Op> RECEIVER = List.of(op(Code.EXPORT, 0, 0, 0, 0),
      op(Code.COMPUTE, 500, 0, 0, 0));

  private static SequenceResult run(List<Op> sender) {
    Scenario scenario = new Scenario(0, 0, SoakDesigns.named("shrimp2"), 2, 1, 1, SimDuration.ofMicros(7),
        List.of(RECEIVER, sender));
    return SequenceRunner.run(scenario, null);
  }

  @Test
  void lastBlockWritePacketHeldUntilTheReceiversExitMayBeDroppedIfReported() {
    // P1 imports P0's buffer (its exit staggered 200 µs after P0's), binds one page under
    // BLOCK_WRITE without notifications and stores 20 consecutive words, then never unbinds:
    // the open packet waits for the end of the binding, which P0's exit brings, and P0's
    // interface refuses it on arrival, counted and reported.
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 200), op(Code.BIND, 0, 0, 1, 1 | 1 << 4),
        op(Code.AU_STORE, 0, 19, 0, 0));

    SequenceResult r = run(sender);

    assertThat(r.findings()).isEmpty();
  }

  @Test
  void blockWriteBurstUnboundByTheSenderMustArrive() {
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 200), op(Code.BIND, 0, 0, 1, 1 | 1 << 4),
        op(Code.AU_STORE, 0, 19, 0, 0), op(Code.UNBIND, 0, 0, 0, 0));

    SequenceResult r = run(sender);

    assertThat(r.findings()).isEmpty();
  }

  @Test
  void storeThroughAnEndedBindingGoesWhereTheBindingThePageHasNowSendsIt() {
    // Two rounds of churn leave bindings 0 and 1 ended, binding 1's cursor on the second page;
    // binding 0 is made again over both pages (TIMER_WRITE), so the stores made through
    // binding 1's handle land on a bound page and go to P0's buffer: no escape.
    List<Op> sender = List.of(op(Code.IMPORT, 0, 0, 0, 200), op(Code.AU_CHURN, 0, 1, 0, 0),
        op(Code.BIND, 0, 0, 0, 2 | 1 << 4), op(Code.AU_STORE, 1, 7, 0, 0));

    SequenceResult r = run(sender);

    assertThat(r.findings()).isEmpty();
  }
}
