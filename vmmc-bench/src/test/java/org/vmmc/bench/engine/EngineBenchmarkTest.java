package org.vmmc.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Simulator;

class EngineBenchmarkTest {

  @Test
  void smokeRunGivesOneRecordPerPendingSizeWithPositiveRates() {
    List<EngineRecord> records = new EngineBenchmark(EngineBenchmark.Settings.smoke()).run();

    assertThat(records).extracting(EngineRecord::pending).containsExactly(10, 100);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.eventsPerSecond()).isPositive();
      assertThat(r.referenceEventsPerSecond()).isPositive();
      assertThat(r.handoffsPerSecond()).isPositive();
    });
  }

  @Test
  void engineAndReferenceDoExactlyTheSameWork() {
    long max = 2_000_000;
    try (Simulator sim = new Simulator(5)) {
      HoldModel model = new HoldModel(sim, 50, max);
      ReferenceHoldLoop loop = new ReferenceHoldLoop(
          50, sim.random().stream(HoldModel.STREAM), max);
      for (int i = 0; i < 3; i++) {
        long events = model.runFor(SimDuration.ofMicros(40));
        assertThat(loop.runFor(40_000_000)).isEqualTo(events);
        // 50 pending with a mean increment of 1 µs: about 50 events per µs.
        assertThat(events).isBetween(1_500L, 2_500L);
      }
      assertThat(sim.pendingEvents()).isEqualTo(50);
    }
  }

  @Test
  void theReferenceLoopKeepsItsPendingCount() {
    ReferenceHoldLoop loop = new ReferenceHoldLoop(3, new SplittableRandom(1), 10);
    // Three entries with increments of 1..10 ps: each picosecond sees about 0.5 operations.
    assertThat(loop.runFor(1_000)).isBetween(400L, 700L);
  }

  @Test
  void handOffModelCountsTwoHandOffsPerRound() {
    assertThat(HandOffModel.run(1, 250)).isEqualTo(500);
  }

  @Test
  void tableListsEveryRecord() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EngineBenchmark.printTable(
        List.of(new EngineRecord(1_000, 12e6, 8e6, 1.5e6)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertThat(table.lines()).hasSize(2);
    assertThat(table.lines().skip(1).findFirst().orElseThrow())
        .matches(" +1000 +12000000 +8000000 +1\\.50 +1500000");
  }

  @Test
  void recordsKnowTheirRatioToTheReference() {
    assertThat(new EngineRecord(1, 3e6, 2e6, 1).speedupOverReference()).isEqualTo(1.5);
  }

  @Test
  void badSettingsAreRefusedNamingTheValue() {
    SimDuration max = SimDuration.ofMicros(2);
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(0), 1, 1, 1, 1, max, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pending size must be at least 1: 0");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(), 1, 1, 1, 1, max, 1))
        .hasMessage("at least one pending size is needed");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(1), -1, 1, 1, 1, max, 1))
        .hasMessage("warm-up iterations must not be negative: -1");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(1), 1, 0, 1, 1, max, 1))
        .hasMessage("measured iterations must be at least 1: 0");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(1), 1, 1, 0, 1, max, 1))
        .hasMessage("events per iteration must be at least 1: 0");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(List.of(1), 1, 1, 1, 0, max, 1))
        .hasMessage("hand-off rounds per iteration must be at least 1: 0");
    assertThatThrownBy(() -> new EngineBenchmark.Settings(
        List.of(1), 1, 1, 1, 1, SimDuration.ZERO, 1))
        .hasMessage("max increment must be at least 1 ps: 0 ps");
  }
}
