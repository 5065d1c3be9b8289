package org.vmmc.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;

class MetricsTest {
  private final Metrics metrics = new Metrics();

  /** Counters of a made-up component, as a design would declare them. */
  private enum TestCounter implements CounterKey {
    DROPPED("packets-dropped"), SENT("packets-sent"), ALPHA("a");

    private final String id;

    TestCounter(String id) {
      this.id = id;
    }

    @Override
    public String component() {
      return "nic";
    }

    @Override
    public String id() {
      return id;
    }
  }

  /** A machine-wide counter whose component breaks the naming rule. */
  private enum BadCounter implements CounterKey {
    UPPER;

    @Override
    public String component() {
      return "Mesh.Links";
    }

    @Override
    public String id() {
      return "hops";
    }
  }

  /** Counters whose ids come from their constants' names. */
  private enum NamedCounter implements CounterKey {
    FLIT_HOPS;

    @Override
    public String component() {
      return "mesh";
    }
  }

  @Test
  void anEnumConstantsNameGivesItsId() {
    assertThat(NamedCounter.FLIT_HOPS.id()).isEqualTo("flit-hops");
    assertThat(NamedCounter.FLIT_HOPS.qualifiedName()).isEqualTo("mesh.flit-hops");
    metrics.counter(NamedCounter.FLIT_HOPS).add(3);
    assertThat(metrics.counterValues()).containsEntry("mesh.flit-hops", 3L);
  }

  @Test
  void countersStartAtZeroAndOnlyGoUp() {
    Counter dropped = metrics.counter(NodeId.of(3), TestCounter.DROPPED);
    assertThat(dropped.value()).isZero();
    dropped.increment();
    dropped.add(4);
    dropped.add(0);
    assertThat(dropped.value()).isEqualTo(5);
    assertThat(dropped.name()).isEqualTo("node3.nic.packets-dropped");
    assertThat(dropped).hasToString("node3.nic.packets-dropped=5");
    assertThatThrownBy(() -> dropped.add(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counter node3.nic.packets-dropped cannot go down by -1");
    assertThat(dropped.value()).isEqualTo(5);
  }

  @Test
  void theSameKeyAndNodeGiveTheSameCounter() {
    metrics.counter(NodeId.of(1), TestCounter.SENT).increment();
    metrics.counter(NodeId.of(1), TestCounter.SENT).increment();
    metrics.counter(NodeId.of(2), TestCounter.SENT).increment();
    assertThat(metrics.counter(NodeId.of(1), TestCounter.SENT))
        .isSameAs(metrics.counter(NodeId.of(1), TestCounter.SENT));
    assertThat(metrics.value(NodeId.of(1), TestCounter.SENT)).isEqualTo(2);
    assertThat(metrics.value(NodeId.of(2), TestCounter.SENT)).isEqualTo(1);
  }

  @Test
  void machineWideCountersAreNamedByTheirKeyAlone() {
    metrics.counter(TestCounter.SENT).add(3);
    assertThat(metrics.value(TestCounter.SENT)).isEqualTo(3);
    assertThat(metrics.value(NodeId.of(0), TestCounter.SENT)).isZero();
    assertThat(metrics.counterValues()).containsExactly(entry("nic.packets-sent", 3L));
  }

  @Test
  void askingForAnUnknownValueGivesZeroWithoutCreatingACounter() {
    assertThat(metrics.value(NodeId.of(0), TestCounter.DROPPED)).isZero();
    assertThat(metrics.value(TestCounter.DROPPED)).isZero();
    assertThat(metrics.counterValues()).isEmpty();
  }

  @Test
  void counterValuesAreASortedSnapshot() {
    metrics.counter(NodeId.of(0), TestCounter.SENT).add(2);
    metrics.counter(NodeId.of(0), TestCounter.ALPHA).add(1);
    metrics.counter(NodeId.of(0), TestCounter.DROPPED);
    var snapshot = metrics.counterValues();
    metrics.counter(NodeId.of(0), TestCounter.ALPHA).add(10);

    assertThat(snapshot.keySet()).containsExactly("node0.nic.a", "node0.nic.packets-dropped",
        "node0.nic.packets-sent");
    assertThat(snapshot).containsEntry("node0.nic.a", 1L)
        .containsEntry("node0.nic.packets-sent", 2L)
        .containsEntry("node0.nic.packets-dropped", 0L);
    assertThatThrownBy(() -> snapshot.put("d", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aKeyWhoseComponentBreaksTheNamingRuleIsRefused() {
    assertThatThrownBy(() -> metrics.counter(BadCounter.UPPER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Mesh.Links' must be lower-case words joined by '-'");
    assertThat(metrics.counterValues()).isEmpty();
  }

  @Test
  void histogramsKeepCountMeanExtremesAndPercentiles() {
    LatencyHistogram latency = metrics.histogram("latency");
    for (int micros = 1; micros <= 100; micros++) {
      latency.record(SimDuration.ofMicros(micros));
    }
    assertThat(latency.count()).isEqualTo(100);
    // Three significant digits: every figure within 0.1%.
    assertThat(latency.meanPicos()).isCloseTo(50_500_000, within(50_500.0));
    assertThat(latency.min().picos()).isCloseTo(1_000_000, within(1_000L));
    assertThat(latency.max().picos()).isCloseTo(100_000_000, within(100_000L));
    assertThat(latency.percentile(50).picos()).isCloseTo(50_000_000, within(50_000L));
    assertThat(latency.percentile(99).picos()).isCloseTo(99_000_000, within(99_000L));
    assertThat(latency.name()).isEqualTo("latency");
    assertThat(latency.toString())
        .matches("latency\\[n=100, mean=50\\.\\d+ µs, p50=50\\.\\d+ µs, p99=99\\.\\d+ µs]");
  }

  @Test
  void histogramsKeepPicosecondValuesAndZero() {
    LatencyHistogram h = metrics.histogram("short");
    h.record(SimDuration.ZERO);
    h.record(SimDuration.ofPicos(16_667));
    assertThat(h.min()).isEqualTo(SimDuration.ZERO);
    assertThat(h.max().picos()).isCloseTo(16_667, within(17L));
  }

  @Test
  void anEmptyHistogramReportsZeros() {
    LatencyHistogram empty = metrics.histogram("empty");
    assertThat(empty.count()).isZero();
    assertThat(empty.meanPicos()).isZero();
    assertThat(empty.min()).isEqualTo(SimDuration.ZERO);
    assertThat(empty.max()).isEqualTo(SimDuration.ZERO);
    assertThat(empty.percentile(99)).isEqualTo(SimDuration.ZERO);
  }

  @Test
  void histogramsAreListedSortedByName() {
    LatencyHistogram b = metrics.histogram("b");
    LatencyHistogram a = metrics.histogram("a");
    assertThat(metrics.histogram("a")).isSameAs(a);
    assertThat(metrics.histograms().keySet()).containsExactly("a", "b");
    assertThat(metrics.histograms().values()).containsExactly(a, b);
  }

  @Test
  void nullKeysNodesAndNamesAreRefused() {
    assertThatThrownBy(() -> metrics.counter(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> metrics.counter(NodeId.of(0), null))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> metrics.counter(null, TestCounter.SENT))
        .isInstanceOf(NullPointerException.class).hasMessage("node");
    assertThatThrownBy(() -> metrics.histogram(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
