package org.vmmc.core.stats;

import static com.google.common.base.Preconditions.checkArgument;

/** A named count of something that happened (packets sent, faults, system calls). */
public final class Counter {
  private final String name;
  private long value;

  Counter(String name) {
    this.name = name;
  }

  /** The counter's name. */
  public String name() {
    return name;
  }

  /** Adds one. */
  public void increment() {
    value++;
  }

  /** Adds {@code n}, which must not be negative. */
  public void add(long n) {
    checkArgument(n >= 0, "counter %s cannot go down by %s", name, n);
    value += n;
  }

  /** The count so far. */
  public long value() {
    return value;
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
