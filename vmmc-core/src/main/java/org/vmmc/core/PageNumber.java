package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The number of a virtual page: a virtual address divided by the page size.
 *
 * @param value the page number, at least zero
 */
public record PageNumber(long value) implements Comparable<PageNumber> {

  /** Checks the range. */
  public PageNumber {
    checkArgument(value >= 0, "page number must not be negative: %s", value);
  }

  /** The page {@code n} pages further on. */
  public PageNumber plus(long n) {
    return new PageNumber(value + n);
  }

  @Override
  public int compareTo(PageNumber other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "page " + value;
  }
}
