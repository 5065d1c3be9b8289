package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a comparison run measures.
 *
 * @param config the machine every measurement builds afresh
 * @param variants the designs and modes to compare
 * @param sizes message sizes in bytes for the latency and bandwidth curves
 * @param warmup unmeasured ping-pong rounds before each latency measurement
 * @param rounds measured ping-pong rounds per latency point
 * @param bandwidthBytes bytes a bandwidth point sends in all; the message count is this over
 *     the message size, kept between {@link #MIN_MESSAGES} and {@link #MAX_MESSAGES}
 * @param breakdownBytes the message size the breakdown traces
 * @param ablationSizes the message sizes the ablation measures
 */
public record RunSettings(
    MachineConfig config,
    List<Variant> variants,
    List<Integer> sizes,
    int warmup,
    int rounds,
    long bandwidthBytes,
    int breakdownBytes,
    List<Integer> ablationSizes) {

  /** The fewest messages a bandwidth point sends. */
  public static final int MIN_MESSAGES = 8;

  /** The most messages a bandwidth point sends (small messages reach steady state early). */
  public static final int MAX_MESSAGES = 4096;

  /** Message sizes of the curves: 4 B to 64 KB by powers of two. */
  public static final List<Integer> DEFAULT_SIZES = powersOfTwo(4, 65536);

  /** Checks the ranges. */
  public RunSettings {
    requireNonNull(config, "config");
    variants = List.copyOf(variants);
    sizes = List.copyOf(sizes);
    ablationSizes = List.copyOf(ablationSizes);
    checkArgument(!variants.isEmpty(), "at least one design/mode is needed");
    checkArgument(!sizes.isEmpty(), "at least one message size is needed");
    for (int s : sizes) {
      checkMessageSize(s);
    }
    for (int s : ablationSizes) {
      checkMessageSize(s);
    }
    checkMessageSize(breakdownBytes);
    checkArgument(warmup >= 0, "warm-up rounds must not be negative: %s", warmup);
    checkArgument(rounds >= 1, "measured rounds must be at least 1: %s", rounds);
    checkArgument(bandwidthBytes >= 4, "bandwidth bytes must be at least 4: %s",
        bandwidthBytes);
  }

  /** The defaults: every size of {@link #DEFAULT_SIZES}, 2 warm-up and 5 measured rounds. */
  public static RunSettings defaults(MachineConfig config, List<Variant> variants) {
    return new RunSettings(config, variants, DEFAULT_SIZES, 2, 5, 1 << 20, 4,
        List.of(4, 4096));
  }

  /** These settings with {@code value} as the sizes. */
  public RunSettings withSizes(List<Integer> value) {
    return new RunSettings(config, variants, value, warmup, rounds, bandwidthBytes,
        breakdownBytes, ablationSizes);
  }

  /** These settings with {@code warmupRounds} and {@code measuredRounds}. */
  public RunSettings withRounds(int warmupRounds, int measuredRounds) {
    return new RunSettings(config, variants, sizes, warmupRounds, measuredRounds,
        bandwidthBytes, breakdownBytes, ablationSizes);
  }

  /** These settings with {@code value} bytes per bandwidth point. */
  public RunSettings withBandwidthBytes(long value) {
    return new RunSettings(config, variants, sizes, warmup, rounds, value, breakdownBytes,
        ablationSizes);
  }

  /** How many messages the bandwidth point of {@code bytes}-byte messages sends. */
  public int bandwidthMessages(int bytes) {
    long n = (bandwidthBytes + bytes - 1) / bytes;
    return (int) Math.max(MIN_MESSAGES, Math.min(MAX_MESSAGES, n));
  }

  /** The sizes from {@code from} to {@code to} bytes by powers of two. */
  public static List<Integer> powersOfTwo(int from, int to) {
    checkArgument(from >= 4 && Integer.bitCount(from) == 1, "start %s is not a power of two of"
        + " at least 4", from);
    checkArgument(to >= from, "end %s is below start %s", to, from);
    java.util.ArrayList<Integer> sizes = new java.util.ArrayList<>();
    for (long s = from; s <= to; s *= 2) {
      sizes.add((int) s);
    }
    return List.copyOf(sizes);
  }

  /** The largest message the experiments send, in bytes (256 pages). */
  public static final int MAX_MESSAGE_BYTES = 1 << 20;

  /** Checks that {@code bytes} is a message size the measurements accept. */
  public static void checkMessageSize(int bytes) {
    checkArgument(bytes >= 4 && bytes % 4 == 0 && bytes <= MAX_MESSAGE_BYTES,
        "message size must be a multiple of 4 bytes from 4 to %s: %s", MAX_MESSAGE_BYTES, bytes);
  }
}
