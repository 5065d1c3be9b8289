package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/**
 * A notification handler runs beside its process's main code, and a short quantum interleaves
 * the two: here the handler replaces the message source (frees it, allocates a new one and
 * fills it with canaries) while the main code sends large messages from it. Whatever the
 * interleaving, the actor must not write a message into memory its handler is still filling,
 * so the oracle finds nothing: every message it counts as sent is the one that arrives.
 */
class HandlerBesideMainTest {
  /** Variants of the notifier's pace, so that the handler meets the main code at many points. */
  private static final int PACES = 4;
  /** Quanta short enough to preempt the handler inside its canary fill and inside its free. */
  private static final List<SimDuration> QUANTA =
      List.of(SimDuration.ofMicros(7), SimDuration.ofMicros(20));

  private static Op op(Code code, int a, int b, int c, int d) {
    return new Op(code, a, b, c, d);
  }

  @ParameterizedTest
  @MethodSource("org.vmmc.bench.soak.SoakDesigns#all")
  void aHandlerThatReplacesTheSourceNeverCorruptsAMessageOfTheMainCode(SoakDesign design) {
    List<String> findings = new ArrayList<>();
    for (SimDuration quantum : QUANTA) {
      for (int pace = 0; pace < PACES; pace++) {
        for (Finding f : SequenceRunner.run(scenario(design, quantum, pace), null).findings()) {
          findings.add("quantum " + quantum + ", pace " + pace + ": " + f.kind() + " ["
              + f.rule() + "] " + f.detail());
        }
      }
    }
    assertThat(findings).isEmpty();
  }

  /**
   * P0 exports two pages with the handler that replaces the source (kind 6), imports P1's
   * buffer and sends 1001-word messages to it; P1 imports P0's buffer and rings it with
   * one-word notified sends, 6 to 24 microseconds apart as {@code pace} grows.
   */
  private static Scenario scenario(SoakDesign design, SimDuration quantum, int pace) {
    List<Op> sender = new ArrayList<>(List.of(op(Code.EXPORT, 0, 0, 0, 6 << 8),
        op(Code.IMPORT, 0, 1, 0, 0)));
    for (int i = 0; i < 40; i++) {
      // b % 3 == 2 and b >>> 4 == 1000: a message of 1001 words.
      sender.add(op(Code.SEND, 0, 1000 << 4 | 1, i, 1 << 20));
    }
    List<Op> ringer = new ArrayList<>(List.of(op(Code.EXPORT, 0, 0, 0, 0),
        op(Code.IMPORT, 0, 0, 0, 0)));
    for (int i = 0; i < 20; i++) {
      ringer.add(op(Code.SEND, 0, 0, i, 0));
      ringer.add(op(Code.SLEEP, 5 + 6 * pace, 0, 0, 0));
    }
    return new Scenario(0, pace, design, 2, 1, 1, quantum, List.of(sender, ringer));
  }
}
