package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The name of a receive buffer, unique among the buffers one process exports.
 *
 * @param value the buffer number, at least zero
 */
public record BufferId(int value) implements Comparable<BufferId> {

  /** Checks the range. */
  public BufferId {
    checkArgument(value >= 0, "buffer id must not be negative: %s", value);
  }

  /** Buffer {@code value}. */
  public static BufferId of(int value) {
    return new BufferId(value);
  }

  @Override
  public int compareTo(BufferId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "buffer " + value;
  }
}
