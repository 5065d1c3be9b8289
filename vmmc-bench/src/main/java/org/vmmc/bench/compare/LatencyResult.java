package org.vmmc.bench.compare;

import java.util.SequencedMap;

/**
 * One-way latency of one message size on one variant.
 *
 * @param design the design's name
 * @param mode the mode's name
 * @param bytes the message size in bytes
 * @param latencyUs one-way latency in µs (half the mean ping-pong round trip)
 */
public record LatencyResult(String design, String mode, int bytes, double latencyUs)
    implements Result {

  @Override
  public String experiment() {
    return "latency";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    return ResultFields.of(this, "design", design, "mode", mode, "bytes", bytes,
        "latency_us", latencyUs);
  }
}
