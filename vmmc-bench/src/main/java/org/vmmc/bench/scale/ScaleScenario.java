package org.vmmc.bench.scale;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One scenario of the scale experiment: a traffic pattern on a {@code width} x {@code height}
 * mesh, its message size and the rounds it runs.
 *
 * @param name the scenario's name in results, such as {@code ring-4k}
 * @param pattern the traffic pattern
 * @param width mesh width in nodes, at least 1
 * @param height mesh height in nodes, at least 1
 * @param bytes bytes per message, a positive multiple of 4 (4 for automatic-update stores)
 * @param rounds rounds to run, at least 1 (at least 2 to be measured)
 */
record ScaleScenario(String name, Pattern pattern, int width, int height, int bytes,
    int rounds) {

  /** Checks every field. */
  ScaleScenario {
    requireNonNull(name, "name");
    requireNonNull(pattern, "pattern");
    checkArgument(width >= 1 && height >= 1, "mesh must be at least 1x1: %sx%s", width, height);
    checkArgument(width * height >= 2, "a scenario needs at least 2 nodes: %sx%s", width,
        height);
    checkArgument(bytes >= 4 && bytes % 4 == 0,
        "message size must be a positive multiple of 4 bytes: %s", bytes);
    checkArgument(rounds >= 1, "rounds must be at least 1: %s", rounds);
  }

  /** The number of nodes. */
  int nodes() {
    return width * height;
  }

  /** The mesh as {@code WxH}. */
  String mesh() {
    return width + "x" + height;
  }

  /** This scenario with {@code n} rounds. */
  ScaleScenario withRounds(int n) {
    return new ScaleScenario(name, pattern, width, height, bytes, n);
  }

  /** The messages one run moves. */
  long messages() {
    return pattern.messages(nodes(), rounds);
  }
}
