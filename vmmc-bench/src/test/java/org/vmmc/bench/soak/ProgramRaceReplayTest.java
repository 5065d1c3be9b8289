package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sequences in which the process body races with itself (its notification handler against its
 * main code, or its code against a DMA it started) and the machine does what it must: the oracle
 * judges the program's own race as the program's, and finds nothing.
 */
class ProgramRaceReplayTest {

  @ParameterizedTest(name = "{0}:{1} ({2})")
  @CsvSource({
      // The main code frees the source the handler has just allocated, while the handler
      // writes its canaries: the handler's store faults, writing nothing.
      "2026, 36096, handler's fill faults on memory the main code freed",
      "2026, 59240, handler's fill faults on memory the main code freed",
      "2026, 104677, handler's fill faults on memory the main code freed",
      "2026, 39459, handler's fill faults on memory the main code freed",
      // The handler's free of the source spans several steps of the main code, whose send
      // then faults on the memory being unmapped.
      "2026, 101235, a send faults on the source the handler is freeing",
      // The handler's canary fill of a fresh source overwrites the tags the main code put there
      // before the send carried them: what arrives is canaries.
      "2026, 21373, a message overwritten by the handler's canaries before it was sent",
      "2026, 45825, a message overwritten by the handler's canaries before it was sent",
      "2026, 166002, a message overwritten by the handler's canaries before it was sent",
      // A raw transfer still reading its source carries the tags of the next message written
      // over it to the raw transfer's destination.
      "2026, 81478, a raw transfer carries the next message's tags",
  })
  void theProgramsOwnRaceIsNoFinding(long seed, long index, String race) {
    SequenceResult r = SequenceRunner.run(SoakDesigns.FOUND_UNDER, seed, index);

    assertThat(r.findings()).as("%s:%s, %s", seed, index, race).isEmpty();
    assertThat(r.operations()).isGreaterThan(50);
  }
}
