package org.vmmc.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vmmc.core.SimDuration;

class MetricsTest {
  private final Metrics metrics = new Metrics();

  @Test
  void countersStartAtZeroAndOnlyGoUp() {
    Counter dropped = metrics.counter("node3.nic.packets-dropped");
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
  void theSameNameGivesTheSameCounter() {
    metrics.counter("syscalls").increment();
    metrics.counter("syscalls").increment();
    assertThat(metrics.counter("syscalls")).isSameAs(metrics.counter("syscalls"));
    assertThat(metrics.value("syscalls")).isEqualTo(2);
  }

  @Test
  void askingForAnUnknownValueGivesZeroWithoutCreatingACounter() {
    assertThat(metrics.value("never")).isZero();
    assertThat(metrics.counterValues()).isEmpty();
  }

  @Test
  void counterValuesAreASortedSnapshot() {
    metrics.counter("b").add(2);
    metrics.counter("a").add(1);
    metrics.counter("c");
    var snapshot = metrics.counterValues();
    metrics.counter("a").add(10);

    assertThat(snapshot.keySet()).containsExactly("a", "b", "c");
    assertThat(snapshot).containsEntry("a", 1L).containsEntry("b", 2L).containsEntry("c", 0L);
    assertThatThrownBy(() -> snapshot.put("d", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
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
  void nullNamesAreRefused() {
    assertThatThrownBy(() -> metrics.counter((String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> metrics.histogram(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
