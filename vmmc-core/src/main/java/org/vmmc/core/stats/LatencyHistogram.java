package org.vmmc.core.stats;

import org.HdrHistogram.Histogram;
import org.vmmc.core.SimDuration;

/**
 * A distribution of simulated durations, kept in picoseconds with three significant digits
 * (an HdrHistogram that resizes itself as values grow).
 */
public final class LatencyHistogram {
  private final String name;
  private final Histogram histogram = new Histogram(3);

  LatencyHistogram(String name) {
    this.name = name;
  }

  /** The histogram's name. */
  public String name() {
    return name;
  }

  /** Records one duration. */
  public void record(SimDuration d) {
    histogram.recordValue(d.picos());
  }

  /** The number of recorded durations. */
  public long count() {
    return histogram.getTotalCount();
  }

  /** The mean, in picoseconds (zero when empty). */
  public double meanPicos() {
    return histogram.getMean();
  }

  /** The smallest recorded duration (zero when empty). */
  public SimDuration min() {
    return SimDuration.ofPicos(count() == 0 ? 0 : histogram.getMinValue());
  }

  /** The largest recorded duration, within the histogram's precision (zero when empty). */
  public SimDuration max() {
    return SimDuration.ofPicos(histogram.getMaxValue());
  }

  /** The duration at {@code percentile} (0 to 100), within the histogram's precision. */
  public SimDuration percentile(double percentile) {
    return SimDuration.ofPicos(histogram.getValueAtPercentile(percentile));
  }

  @Override
  public String toString() {
    return name + "[n=" + count() + ", mean=" + SimDuration.ofPicos(Math.round(meanPicos()))
        + ", p50=" + percentile(50) + ", p99=" + percentile(99) + "]";
  }
}
