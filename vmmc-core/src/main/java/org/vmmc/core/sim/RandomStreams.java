package org.vmmc.core.sim;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one root seed, one per named component.
 *
 * <p>A stream's seed depends only on the root seed and the component's name, so adding a
 * component never changes the numbers another component draws.
 */
public final class RandomStreams {
  private final long rootSeed;

  /** Streams derived from {@code rootSeed}. */
  public RandomStreams(long rootSeed) {
    this.rootSeed = rootSeed;
  }

  /** The root seed. */
  public long rootSeed() {
    return rootSeed;
  }

  /**
   * A fresh generator for {@code component}; asking twice for the same name gives two
   * generators that draw the same sequence, so ask once per component.
   */
  public SplittableRandom stream(String component) {
    return new SplittableRandom(seedFor(component));
  }

  /** The seed of {@code component}'s stream. */
  public long seedFor(String component) {
    requireNonNull(component, "component");
    long h = 0xcbf29ce484222325L; // FNV-1a over the name's UTF-8 bytes, mixed with the root
    for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(mix(rootSeed) ^ h);
  }

  private static long mix(long z) { // SplitMix64's finaliser
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
