package org.vmmc.bench.soak;

import java.util.List;
import java.util.stream.Stream;
import org.vmmc.bench.compare.Designs;

/** The designs the soak tests run on, found as the soak command finds them. */
final class SoakDesigns {
  /**
   * The designs in the order the pinned sequences ({@code seed:index}) of the regression tests
   * were found under, so that each replays on the design it was found on.
   */
  static final List<SoakDesign> FOUND_UNDER = Stream.of("shrimp2", "shrimp1", "conventional")
      .map(SoakDesigns::named).toList();

  private SoakDesigns() {}

  /** Every discovered design, as parameters of a parameterized test. */
  static List<SoakDesign> all() {
    return SoakDesign.all(Designs.onClassPath());
  }

  /** The discovered design called {@code name}. */
  static SoakDesign named(String name) {
    return new SoakDesign(Designs.onClassPath().named(name).orElseThrow());
  }
}
