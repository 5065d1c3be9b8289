package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The number of a physical page frame: a physical address divided by the page size.
 *
 * @param value the frame number, at least zero
 */
public record FrameNumber(long value) implements Comparable<FrameNumber> {

  /** Checks the range. */
  public FrameNumber {
    checkArgument(value >= 0, "frame number must not be negative: %s", value);
  }

  /** The frame {@code n} frames further on. */
  public FrameNumber plus(long n) {
    return new FrameNumber(value + n);
  }

  @Override
  public int compareTo(FrameNumber other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "frame " + value;
  }
}
