package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.core.stats.Metrics;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

class TraceBreakdownTest {
  private static final SimDuration TRAP = SimDuration.ofNanos(4000);
  private static final SimDuration BUS_WRITE = SimDuration.ofNanos(60);
  private final TraceBreakdown breakdown = new TraceBreakdown(TRAP, BUS_WRITE);

  private static final MachineConfig SMALL = MachineConfig.defaults().withMesh(2, 1);
  private static final CpuParameters CPU = SMALL.hardware().cpu();

  private static OneWay message(long sendStartNs, long seenNs, long systemCalls,
      Map<String, Long> counters, Event... events) {
    return message(sendStartNs, seenNs, seenNs, systemCalls, counters, events);
  }

  private static OneWay message(long sendStartNs, long sendReturnNs, long seenNs,
      long systemCalls, Map<String, Long> counters, Event... events) {
    List<TraceRecord> trace = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      Event e = events[i];
      trace.add(new TraceRecord(e.ns() * 1000, i, e.stage(), Optional.empty(), e.what()));
    }
    return new OneWay(4, NodeId.of(0), NodeId.of(1), "sender", "receiver",
        SimTime.ofPicos(sendStartNs * 1000), SimTime.ofPicos(sendReturnNs * 1000),
        SimTime.ofPicos(seenNs * 1000), systemCalls, trace, new TreeMap<>(counters));
  }

  /** A traced event of a made-up message: its time in ns, its stage and its text. */
  private record Event(long ns, Stage stage, String what) {}

  private static Event at(long ns, Stage stage, String what) {
    return new Event(ns, stage, what);
  }

  /** The resumption of process {@code name} at {@code ns}. */
  private static Event resume(long ns, String name) {
    return new Event(ns, Stage.PROCESS, name);
  }

  /** One traced one-word message of {@code design/mode} on a two-node machine, analysed. */
  private static Map<Component, SimDuration> traced(String design, String mode,
      OneWay[] message) {
    Variant v = Designs.onClassPath().find(design, mode).orElseThrow();
    message[0] = v.transfer().traceOneWay(v.measurements(SMALL), 4, 1);
    return TraceBreakdown.of(SMALL).analyze(message[0],
        v.shares(SMALL, message[0]));
  }

  private static long sum(Map<Component, SimDuration> parts) {
    return parts.values().stream().mapToLong(SimDuration::picos).sum();
  }

  private static long ns(Map<Component, SimDuration> parts, Component c) {
    return parts.get(c).picos() / 1000;
  }

  @Test
  void eachEventClosesAnIntervalChargedToItsStagesComponent() {
    OneWay m = message(100, 2000, 0, Map.of(),
        resume(300, "sender"),
        resume(600, "sender"),
        at(700, Stage.NIC_LOGIC, "du start"),
        at(900, Stage.IO_BUS_DMA, "du read"),
        at(950, Stage.NIC_LOGIC, "packetize"),
        resume(960, "sender"),        // the sender waiting for local completion: beside the path
        at(1000, Stage.NETWORK, "mesh cycle"),
        at(1100, Stage.NETWORK, "mesh cycle"),
        at(1150, Stage.NIC_LOGIC, "incoming check"),
        resume(1200, "receiver"),     // woken by the write, before the last hardware event
        at(1500, Stage.IO_BUS_DMA, "incoming dma"),
        resume(1600, "receiver"),
        resume(1700, "someone-else"));

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.SENDER)).isEqualTo(500);
    assertThat(ns(parts, Component.NIC)).isEqualTo(100 + 50 + 50);
    assertThat(ns(parts, Component.EISA_DMA)).isEqualTo(200 + 350);
    assertThat(ns(parts, Component.MESH)).isEqualTo(150);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(100 + 400);
    assertThat(ns(parts, Component.OTHER)).isZero();
    long sum = parts.values().stream().mapToLong(SimDuration::picos).sum();
    assertThat(sum).isEqualTo(m.latency().picos());
  }

  @Test
  void systemCallsAndBusWritesAreMovedOutOfTheSendersShareByCount() {
    OneWay m = message(0, 12_000, 2,
        Map.of(Metrics.name(NodeId.of(0), MemoryBusCounter.WRITES), 3L,
            Metrics.name(NodeId.of(1), MemoryBusCounter.WRITES), 7L),
        resume(10_000, "sender"),
        at(11_000, Stage.NIC_LOGIC, "packetize"));

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.SYSTEM_CALLS)).isEqualTo(8000);
    assertThat(ns(parts, Component.BUS_SNOOP)).isEqualTo(180);
    assertThat(ns(parts, Component.SENDER)).isEqualTo(10_000 - 8000 - 180);
    assertThat(ns(parts, Component.NIC)).isEqualTo(1000);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(1000);
  }

  @Test
  void aDesignsSharesMoveInOrderAndNeverMoreThanTheirSourceHolds() {
    OneWay m = message(0, 1000, 0, Map.of(),
        resume(100, "sender"),
        at(400, Stage.NIC_LOGIC, "packetize"),
        at(700, Stage.COPY, "conventional receive copy"));

    Map<Component, SimDuration> parts = breakdown.analyze(m, List.of(
        new StageShare(Stage.NIC_LOGIC, Stage.SNOOP, SimDuration.ofNanos(120)),
        new StageShare(Stage.COPY, Stage.INTERRUPT, SimDuration.ofNanos(5000)),
        // both stages belong to one component: nothing moves
        new StageShare(Stage.MEMORY_BUS, Stage.SNOOP, SimDuration.ofNanos(50))));

    assertThat(ns(parts, Component.BUS_SNOOP)).isEqualTo(120);
    assertThat(ns(parts, Component.NIC)).isEqualTo(300 - 120);
    assertThat(ns(parts, Component.COPIES)).isZero();
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(300 + 300);
    assertThat(sum(parts)).isEqualTo(m.latency().picos());
  }

  @Test
  void theSendersResumptionsAfterItsSendReturnsAreBesideThePath() {
    // an automatic update: the send is a store, then the sender polls for the reply while the
    // combining timer runs
    OneWay m = message(0, 80, 4000, 0, Map.of(),
        resume(20, "sender"),
        resume(80, "sender"),
        resume(100, "sender"),
        at(3000, Stage.COMBINING_WAIT, "au combining timer"),
        at(3300, Stage.NIC_LOGIC, "packetize"));

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.SENDER)).isEqualTo(80);
    assertThat(ns(parts, Component.COMBINING_TIMER)).isEqualTo(3000 - 80);
    assertThat(ns(parts, Component.NIC)).isEqualTo(300);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(700);
  }

  @Test
  void eventsOfNoStageOnThePathAreCountedAsOtherNotDropped() {
    OneWay m = message(0, 500, 0, Map.of(),
        at(100, Stage.CONTROL, "kernel import-request"),
        at(200, Stage.OTHER, "event"),
        at(300, Stage.IO_BUS_DMA, "incoming dma"));

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.OTHER)).isEqualTo(200);
    assertThat(ns(parts, Component.EISA_DMA)).isEqualTo(100);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(200);
  }

  @Test
  void everyStageBelongsToTheComponentThatReportsIt() {
    assertThat(Component.of(Stage.PROCESS)).isEqualTo(Component.SENDER);
    assertThat(Component.of(Stage.SYSTEM_CALL)).isEqualTo(Component.SYSTEM_CALLS);
    assertThat(Component.of(Stage.MEMORY_BUS)).isEqualTo(Component.BUS_SNOOP);
    assertThat(Component.of(Stage.SNOOP)).isEqualTo(Component.BUS_SNOOP);
    assertThat(Component.of(Stage.NIC_LOGIC)).isEqualTo(Component.NIC);
    assertThat(Component.of(Stage.COMBINING_WAIT)).isEqualTo(Component.COMBINING_TIMER);
    assertThat(Component.of(Stage.IO_BUS_DMA)).isEqualTo(Component.EISA_DMA);
    assertThat(Component.of(Stage.NETWORK)).isEqualTo(Component.MESH);
    assertThat(Component.of(Stage.INTERRUPT)).isEqualTo(Component.RECEIVER);
    assertThat(Component.of(Stage.COPY)).isEqualTo(Component.COPIES);
    assertThat(Component.of(Stage.CONTROL)).isEqualTo(Component.OTHER);
    assertThat(Component.of(Stage.OTHER)).isEqualTo(Component.OTHER);
  }

  @ParameterizedTest
  @CsvSource({"shrimp1, du", "shrimp2, du", "shrimp2, au", "conventional, kernel"})
  void everyVariantsMessageIsFullyClassifiedAndAddsUpToItsLatency(String design, String mode) {
    OneWay[] m = new OneWay[1];

    Map<Component, SimDuration> parts = traced(design, mode, m);

    // Every event on the message's path says what its time went to, and whose it is.
    assertThat(m[0].events()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.stage()).as("stage of %s", e).isNotEqualTo(Stage.OTHER);
      if (e.stage() != Stage.NETWORK) {
        assertThat(e.node()).as("node of %s", e).isPresent();
      }
    });
    assertThat(m[0].events()).extracting(TraceRecord::stage)
        .contains(Stage.PROCESS, Stage.NETWORK, Stage.IO_BUS_DMA);
    assertThat(sum(parts)).isEqualTo(m[0].latency().picos());
    assertThat(parts.get(Component.OTHER)).isEqualTo(SimDuration.ZERO);
    assertThat(parts.values()).allSatisfy(d -> assertThat(d.picos()).isNotNegative());
    assertThat(parts.get(Component.MESH).picos()).isPositive();
    assertThat(parts.get(Component.EISA_DMA).picos()).isPositive();
    assertThat(parts.get(Component.RECEIVER).picos()).isPositive();
  }

  @Test
  void shrimp1StagesTheWordWithOneLoadAndOneStore() {
    OneWay[] m = new OneWay[1];

    Map<Component, SimDuration> parts = traced("shrimp1", "du", m);

    assertThat(parts.get(Component.COPIES))
        .isEqualTo(CPU.cycles(CPU.cachedLoadCycles() + CPU.cachedStoreCycles()));
    // the compare-and-exchange on the shadow alias: a locked read and a write, both uncached
    assertThat(parts.get(Component.SENDER).toNanos()).isCloseTo(1000.0, within(20.0));
    assertThat(parts.get(Component.SYSTEM_CALLS)).isEqualTo(SimDuration.ZERO);
  }

  @Test
  void automaticUpdateWaitsForTheCombiningTimerAndPaysTheBusAndSnoop() {
    OneWay[] m = new OneWay[1];
    Shrimp2Parameters nic = SMALL.get(Shrimp2Parameters.PARAMETERS);
    SimDuration timer = nic.cycles(nic.combiningTimerCycles());
    SimDuration bus = SMALL.hardware().memoryBus().writeTime();

    Map<Component, SimDuration> parts = traced("shrimp2", "au", m);

    // the timer starts with the store's bus cycle, which is charged to the bus
    assertThat(parts.get(Component.COMBINING_TIMER)).isEqualTo(timer.minus(bus));
    assertThat(parts.get(Component.BUS_SNOOP)).isEqualTo(bus.plus(nic.cycles(nic.snoopCycles())));
    assertThat(parts.get(Component.SENDER)).isEqualTo(CPU.cycles(CPU.cachedStoreCycles()));
    // one DMA write at the receiver; nothing is read at the sender
    assertThat(parts.get(Component.EISA_DMA))
        .isEqualTo(SMALL.hardware().ioBus().transferTime(4));
  }

  @Test
  void conventionalSpendsItsTimeInTheKernelAtBothEnds() {
    OneWay[] m = new OneWay[1];
    ConventionalParameters nx = SMALL.get(ConventionalParameters.PARAMETERS);

    Map<Component, SimDuration> parts = traced("conventional", "kernel", m);

    assertThat(parts.get(Component.SYSTEM_CALLS)).isEqualTo(CPU.cycles(CPU.trapEntryCycles()
        + nx.sendPathCycles() + nx.sendProtocolCycles()
        + nx.nicStartReferences() * CPU.uncachedIoCycles()));
    // two copies, each charged in pieces whose rounding to whole picoseconds differs
    assertThat(parts.get(Component.COPIES).picos()).isCloseTo(CPU.cycles(
        2 * (nx.copySetupCycles() + CPU.cachedLoadCycles() + CPU.cachedStoreCycles())).picos(),
        within(2L));
    // The receiver's poll loop runs again only once the arrival interrupt has returned.
    SimDuration handler = CPU.cycles(CPU.interruptEntryCycles() + nx.interruptServiceCycles()
        + nx.receiveProtocolCycles() + CPU.interruptExitCycles());
    SimDuration poll = CPU.cycles(SMALL.get(MachineConfig.LIBRARY).pollIterationCycles()
        + SMALL.get(MachineConfig.LIBRARY).pollMissCycles() + CPU.cachedLoadCycles());
    assertThat(parts.get(Component.RECEIVER)).isBetween(handler, handler.plus(poll));
    assertThat(parts.get(Component.SENDER)).isEqualTo(CPU.cycles(CPU.cachedStoreCycles()));
  }

  @Test
  void shrimp2OneWordMessageSpendsTwoEisaTransfersAndAddsUpToItsLatency() {
    MachineConfig config = MachineConfig.defaults().withMesh(2, 1);
    Variant v = Designs.onClassPath().find("shrimp2", "du").orElseThrow();
    OneWay m = v.transfer().traceOneWay(v.measurements(config), 4, 1);

    Map<Component, SimDuration> parts = TraceBreakdown.of(config).analyze(m);

    long sum = parts.values().stream().mapToLong(SimDuration::picos).sum();
    assertThat(sum).isEqualTo(m.latency().picos());
    // one DMA read at the sender and one DMA write at the receiver, on idle buses
    assertThat(parts.get(Component.EISA_DMA))
        .isEqualTo(IoBusParameters.eisa().transferTime(4).times(2));
    // the sender's two uncached UDMA references
    assertThat(parts.get(Component.SENDER).toNanos()).isCloseTo(1000.0, within(20.0));
    assertThat(parts.get(Component.MESH).picos()).isPositive();
    assertThat(parts.get(Component.NIC).picos()).isPositive();
    assertThat(parts.get(Component.RECEIVER).picos()).isPositive();
    assertThat(parts.get(Component.OTHER)).isEqualTo(SimDuration.ZERO);
    assertThat(parts.get(Component.SYSTEM_CALLS)).isEqualTo(SimDuration.ZERO);
  }
}
