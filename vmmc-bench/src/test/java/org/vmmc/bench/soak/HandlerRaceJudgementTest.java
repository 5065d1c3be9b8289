package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/**
 * A handler that frees and reallocates the message source races the main code's own frees of
 * it; the kernel's answers to that race (a second free refused, stores into memory that is
 * gone faulting) are documented, not unclear.
 */
class HandlerRaceJudgementTest {
  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  /**
   * P0 exports two pages with a handler that pulls the source (kind 6), sleeps {@code sleeps}
   * times 50 µs, then frees and reallocates its source over and over; P1 sends it 60 notified
   * one-word messages meanwhile.
   */
  private static Scenario pullingReceiver(int sleeps) {
    List<Op> receiver = new ArrayList<>();
    receiver.add(op(Code.EXPORT, 0, 0, 0, 6 << 8));
    for (int i = 0; i < sleeps; i++) {
      receiver.add(op(Code.SLEEP, 49, 0, 0, 0));
    }
    for (int i = 0; i < 20; i++) {
      receiver.add(op(Code.FREE, 0, 0, 0, 0));
      receiver.add(op(Code.ALLOC, 1, 0, 0, 0));
    }
    List<Op> sender = new ArrayList<>();
    sender.add(op(Code.IMPORT, 0, 0, 0, 200));
    for (int i = 0; i < 60; i++) {
      sender.add(op(Code.SEND, 0, 0, 4 * i, 0));
    }
    return new Scenario(0, 0, SoakDesigns.named("shrimp2"), 2, 1, 1, SimDuration.ofMicros(7),
        List.of(receiver, sender));
  }

  @Test
  void handlerPullingTheSourceWhileTheMainCodeFreesItIsNoUnclearError() {
    // The receiver waits ~1.4 ms before its frees begin.
    SequenceResult r = SequenceRunner.run(pullingReceiver(28), null);

    assertThat(r.findings()).isEmpty();
  }

  @Test
  void notificationsStillQueuedWhenTheReceiverExitsAreDroppedAndReported() {
    // The receiver waits only ~0.5 ms: its slow handler falls behind P1's 60 notified
    // messages, and the notifications still queued when P0 exits are dropped, each counted
    // and reported, as exit documents.
    SequenceResult r = SequenceRunner.run(pullingReceiver(10), null);

    assertThat(r.findings()).isEmpty();
  }

  @Test
  void theSoakSequenceThatFoundTheRaceIsClean() {
    // P3's handler freed the source while P3's raw pair was inside its own free of it.
    assertThat(SequenceRunner.run(SoakDesigns.FOUND_UNDER, 99, 3557).findings()).isEmpty();
  }
}
