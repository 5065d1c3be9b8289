package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.sim.TraceRecord;

class TraceBreakdownTest {
  private static final SimDuration TRAP = SimDuration.ofNanos(4000);
  private static final SimDuration BUS_WRITE = SimDuration.ofNanos(60);
  private final TraceBreakdown breakdown = new TraceBreakdown(TRAP, BUS_WRITE);

  private static OneWay message(long sendStartNs, long seenNs, long systemCalls,
      Map<String, Long> counters, Object... events) {
    List<TraceRecord> trace = new ArrayList<>();
    for (int i = 0; i < events.length; i += 2) {
      trace.add(new TraceRecord((Long) events[i] * 1000, i, (String) events[i + 1]));
    }
    return new OneWay(4, NodeId.of(0), NodeId.of(1), "sender", "receiver",
        SimTime.ofPicos(sendStartNs * 1000), SimTime.ofPicos(seenNs * 1000),
        SimTime.ofPicos(seenNs * 1000), systemCalls, trace, new TreeMap<>(counters));
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
