package org.vmmc.bench.compare;

import java.util.SequencedMap;

/**
 * Sustained one-way bandwidth of one message size on one variant.
 *
 * @param design the design's name
 * @param mode the mode's name
 * @param bytes the message size in bytes
 * @param messages how many back-to-back messages were sent
 * @param bandwidthMbS bytes delivered per second, in MB/s (10^6 bytes per second)
 */
public record BandwidthResult(String design, String mode, int bytes, int messages,
    double bandwidthMbS) implements Result {

  @Override
  public String experiment() {
    return "bandwidth";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    return ResultFields.of(this, "design", design, "mode", mode, "bytes", bytes,
        "messages", messages, "bandwidth_mb_s", bandwidthMbS);
  }
}
