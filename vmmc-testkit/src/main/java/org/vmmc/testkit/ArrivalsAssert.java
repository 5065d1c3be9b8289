package org.vmmc.testkit;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what landed in a receive buffer ({@link Arrivals}); get one from
 * {@link VmmcAssertions#assertThat(Arrivals)}.
 */
public final class ArrivalsAssert extends AbstractAssert<ArrivalsAssert, Arrivals> {

  ArrivalsAssert(Arrivals actual) {
    super(actual, ArrivalsAssert.class);
  }

  /**
   * Checks that the bytes that landed are exactly those of {@code stores}, each once, in store
   * order: what an automatic-update binding promises once every store has arrived.
   */
  public ArrivalsAssert carriedExactly(StoreLog stores) {
    isNotNull();
    List<String> expected = stores.bytes();
    List<String> landed = actual.bytes();
    int common = Math.min(expected.size(), landed.size());
    for (int i = 0; i < common; i++) {
      if (!expected.get(i).equals(landed.get(i))) {
        failWithMessage("expected the %s stored bytes to land once each, in store order, but"
            + " landed byte %s is %s where the store was %s", expected.size(), i, landed.get(i),
            expected.get(i));
      }
    }
    if (expected.size() != landed.size()) {
      failWithMessage("expected the %s stored bytes to land once each, in store order, but %s"
          + " landed%s", expected.size(), landed.size(), expected.size() > landed.size()
          ? "; the first missing is " + expected.get(common)
          : "; the first extra is " + landed.get(common));
    }
    return this;
  }

  /** Checks that the writes (packets) that landed had these sizes in bytes, in this order. */
  public ArrivalsAssert hasPacketSizes(Integer... sizes) {
    isNotNull();
    List<Integer> found = actual.sizes();
    if (!found.equals(List.of(sizes))) {
      failWithMessage("expected writes of %s bytes to land, but writes of %s did",
          List.of(sizes), found);
    }
    return this;
  }

  /** Checks that nothing landed in the buffer. */
  public ArrivalsAssert hasReceivedNothing() {
    isNotNull();
    if (!actual.deposits().isEmpty()) {
      failWithMessage("expected nothing to land in the buffer, but %s bytes did: %s",
          actual.bytes().size(), actual.bytes());
    }
    return this;
  }
}
