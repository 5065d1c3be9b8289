package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An instant of simulated time: picoseconds since the simulation started.
 *
 * @param picos picoseconds since time zero, at least zero
 */
public record SimTime(long picos) implements Comparable<SimTime> {

  /** The instant a simulation starts. */
  public static final SimTime ZERO = new SimTime(0);

  /** The largest instant a simulation can reach: {@code Long.MAX_VALUE} picoseconds. */
  public static final SimTime MAX = new SimTime(Long.MAX_VALUE);

  /** Checks that the instant is not before time zero. */
  public SimTime {
    checkArgument(picos >= 0, "simulated time must not be negative: %s ps", picos);
  }

  /** The instant {@code picos} picoseconds after time zero. */
  public static SimTime ofPicos(long picos) {
    return picos == 0 ? ZERO : new SimTime(picos);
  }

  /** The instant {@code duration} after time zero. */
  public static SimTime after(SimDuration duration) {
    return new SimTime(duration.picos());
  }

  /** This instant moved later by {@code duration}, which must not take it past {@link #MAX}. */
  public SimTime plus(SimDuration duration) {
    if (duration.picos() > Long.MAX_VALUE - picos) {
      throw new IllegalArgumentException(
          this + " plus " + duration + " passes the largest simulated time " + MAX);
    }
    return new SimTime(picos + duration.picos());
  }

  /** The span from {@code earlier} to this instant; {@code earlier} must not be later. */
  public SimDuration since(SimTime earlier) {
    checkArgument(earlier.picos <= picos, "%s is after %s", earlier, this);
    return new SimDuration(picos - earlier.picos);
  }

  /** True when this instant is strictly before {@code other}. */
  public boolean isBefore(SimTime other) {
    return picos < other.picos;
  }

  /** True when this instant is strictly after {@code other}. */
  public boolean isAfter(SimTime other) {
    return picos > other.picos;
  }

  /** The later of this instant and {@code other}. */
  public SimTime max(SimTime other) {
    return picos >= other.picos ? this : other;
  }

  @Override
  public int compareTo(SimTime other) {
    return Long.compare(picos, other.picos);
  }

  @Override
  public String toString() {
    return "t=" + TimeFormat.format(picos);
  }
}
