package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(SplittableRandom random, int n) {
    return LongStream.generate(random::nextLong).limit(n).toArray();
  }

  @Test
  void theSameNameGivesTheSameNumbers() {
    RandomStreams streams = new RandomStreams(42);
    long[] first = draw(streams.stream("node3.nic"), 100);
    long[] again = draw(streams.stream("node3.nic"), 100);
    long[] otherInstance = draw(new RandomStreams(42).stream("node3.nic"), 100);

    assertThat(again).isEqualTo(first);
    assertThat(otherInstance).isEqualTo(first);
  }

  @Test
  void addingAComponentDoesNotChangeAnotherComponentsNumbers() {
    RandomStreams alone = new RandomStreams(42);
    long[] cpuAlone = draw(alone.stream("node0.cpu"), 100);

    RandomStreams crowded = new RandomStreams(42);
    SplittableRandom nic = crowded.stream("node0.nic");
    draw(nic, 1_000);
    SplittableRandom cpu = crowded.stream("node0.cpu");
    draw(crowded.stream("mesh"), 1_000);

    assertThat(draw(cpu, 100)).isEqualTo(cpuAlone);
  }

  @Test
  void differentNamesGiveDifferentNumbers() {
    RandomStreams streams = new RandomStreams(42);
    assertThat(draw(streams.stream("node0.cpu"), 10))
        .isNotEqualTo(draw(streams.stream("node1.cpu"), 10));
    assertThat(streams.seedFor("a")).isNotEqualTo(streams.seedFor("b"));
  }

  @Test
  void differentRootSeedsGiveDifferentNumbers() {
    assertThat(draw(new RandomStreams(1).stream("mesh"), 10))
        .isNotEqualTo(draw(new RandomStreams(2).stream("mesh"), 10));
    assertThat(new RandomStreams(1).seedFor("mesh"))
        .isNotEqualTo(new RandomStreams(2).seedFor("mesh"));
  }

  @Test
  void theRootSeedIsKeptAndTheSimulatorUsesIt() {
    assertThat(new RandomStreams(99).rootSeed()).isEqualTo(99);
    try (Simulator sim = new Simulator(99)) {
      assertThat(sim.random().rootSeed()).isEqualTo(99);
      assertThat(draw(sim.random().stream("x"), 5))
          .isEqualTo(draw(new RandomStreams(99).stream("x"), 5));
    }
  }

  @Test
  void aNullNameIsRefused() {
    assertThatThrownBy(() -> new RandomStreams(1).stream(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("component");
  }
}
