package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

class TraceBreakdownTest {
  private static final SimDuration TRAP = SimDuration.ofNanos(4000);
  private static final SimDuration BUS_WRITE = SimDuration.ofNanos(60);
  private final TraceBreakdown breakdown = new TraceBreakdown(TRAP, BUS_WRITE);

  private static final MachineConfig SMALL = MachineConfig.defaults().withMesh(2, 1);
  private static final CpuParameters CPU = SMALL.hardware().cpu();

  private static OneWay message(long sendStartNs, long seenNs, long systemCalls,
      Map<String, Long> counters, Object... events) {
    return message(sendStartNs, seenNs, seenNs, systemCalls, counters, events);
  }

  private static OneWay message(long sendStartNs, long sendReturnNs, long seenNs,
      long systemCalls, Map<String, Long> counters, Object... events) {
    List<TraceRecord> trace = new ArrayList<>();
    for (int i = 0; i < events.length; i += 2) {
      trace.add(new TraceRecord((Long) events[i] * 1000, i, (String) events[i + 1]));
    }
    return new OneWay(4, NodeId.of(0), NodeId.of(1), "sender", "receiver",
        SimTime.ofPicos(sendStartNs * 1000), SimTime.ofPicos(sendReturnNs * 1000),
        SimTime.ofPicos(seenNs * 1000), systemCalls, trace, new TreeMap<>(counters));
  }

  /** One traced one-word message of {@code design/mode} on a two-node machine, analysed. */
  private static Map<Component, SimDuration> traced(String design, String mode,
      OneWay[] message) {
    Variant v = Variants.find(design, mode).orElseThrow();
    message[0] = v.transfer().traceOneWay(v.measurements(SMALL), 4, 1);
    return TraceBreakdown.of(SMALL).analyze(message[0],
        v.attribution().shares(SMALL, message[0]));
  }

  private static long sum(Map<Component, SimDuration> parts) {
    return parts.values().stream().mapToLong(SimDuration::picos).sum();
  }

  private static long ns(Map<Component, SimDuration> parts, Component c) {
    return parts.get(c).picos() / 1000;
  }

  @Test
  void eachEventClosesAnIntervalChargedToItsComponent() {
    OneWay m = message(100, 2000, 0, Map.of(),
        300L, "resume sender",
        600L, "resume sender",
        700L, "du start",
        900L, "du read",
        950L, "packetize",
        960L, "resume sender",        // the sender waiting for local completion: beside the path
        1000L, "mesh cycle",
        1100L, "mesh cycle",
        1150L, "incoming check",
        1200L, "resume receiver",     // woken by the write, before the last hardware event
        1500L, "incoming dma",
        1600L, "resume receiver",
        1700L, "resume someone-else");

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
    OneWay m = message(0, 12_000, 2, Map.of("node0.xpress.writes", 3L, "node1.xpress.writes", 7L),
        10_000L, "resume sender",
        11_000L, "packetize");

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
        100L, "resume sender",
        400L, "packetize",
        700L, "conventional receive copy");

    Map<Component, SimDuration> parts = breakdown.analyze(m, List.of(
        new Share(Component.NIC, Component.BUS_SNOOP, SimDuration.ofNanos(120)),
        new Share(Component.COPIES, Component.RECEIVER, SimDuration.ofNanos(5000))));

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
        20L, "resume sender",
        80L, "resume sender",
        100L, "resume sender",
        3000L, "au combining timer",
        3300L, "packetize");

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.SENDER)).isEqualTo(80);
    assertThat(ns(parts, Component.COMBINING_TIMER)).isEqualTo(3000 - 80);
    assertThat(ns(parts, Component.NIC)).isEqualTo(300);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(700);
  }

  @Test
  void unknownLabelsAreCountedAsOtherNotDropped() {
    OneWay m = message(0, 500, 0, Map.of(), 200L, "flux capacitor", 300L, "incoming dma");

    Map<Component, SimDuration> parts = breakdown.analyze(m);

    assertThat(ns(parts, Component.OTHER)).isEqualTo(200);
    assertThat(ns(parts, Component.EISA_DMA)).isEqualTo(100);
    assertThat(ns(parts, Component.RECEIVER)).isEqualTo(200);
  }

  @Test
  void labelsMapToComponentsByKeyword() {
    assertThat(TraceBreakdown.classify("mesh cycle")).isEqualTo(Component.MESH);
    assertThat(TraceBreakdown.classify("kernel copy to user")).isEqualTo(Component.COPIES);
    assertThat(TraceBreakdown.classify("du read")).isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("au snoop")).isEqualTo(Component.BUS_SNOOP);
    assertThat(TraceBreakdown.classify("node3 notification")).isEqualTo(Component.RECEIVER);
    assertThat(TraceBreakdown.classify("packetize")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("kernel 2 import-request")).isEqualTo(Component.OTHER);
  }

  @Test
  void everyDesignsEventLabelsMapToTheirStage() {
    assertThat(TraceBreakdown.classify("shrimp1 dma start")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("shrimp1 dma read")).isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("shrimp1 packetize")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("shrimp1 incoming check")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("shrimp1 incoming dma")).isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("du start")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("incoming dma")).isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("au combining timer"))
        .isEqualTo(Component.COMBINING_TIMER);
    assertThat(TraceBreakdown.classify("conventional dma read")).isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("conventional packetize")).isEqualTo(Component.NIC);
    assertThat(TraceBreakdown.classify("conventional incoming dma"))
        .isEqualTo(Component.EISA_DMA);
    assertThat(TraceBreakdown.classify("conventional receive copy"))
        .isEqualTo(Component.COPIES);
    assertThat(TraceBreakdown.classify("node1 error interrupt")).isEqualTo(Component.RECEIVER);
    assertThat(TraceBreakdown.classify("mesh injection space")).isEqualTo(Component.MESH);
  }

  @ParameterizedTest
  @CsvSource({"shrimp1, du", "shrimp2, du", "shrimp2, au", "conventional, kernel"})
  void everyVariantsMessageIsFullyClassifiedAndAddsUpToItsLatency(String design, String mode) {
    OneWay[] m = new OneWay[1];

    Map<Component, SimDuration> parts = traced(design, mode, m);

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
    Shrimp2Parameters nic = SMALL.get(MachineConfig.SHRIMP2);
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
    ConventionalParameters nx = SMALL.get(MachineConfig.CONVENTIONAL);

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
    Variant v = Variants.find("shrimp2", "du").orElseThrow();
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
