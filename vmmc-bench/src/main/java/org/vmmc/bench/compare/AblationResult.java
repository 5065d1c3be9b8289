package org.vmmc.bench.compare;

import java.util.SequencedMap;

/**
 * One message size on a design with or without a cost that VMMC avoids.
 *
 * @param design the design's name
 * @param mode the mode's name
 * @param ablation the ablation's name ({@code none} for the design as it is)
 * @param bytes the message size in bytes
 * @param latencyUs one-way latency in µs
 * @param bandwidthMbS sustained bandwidth in MB/s
 * @param systemCallsPerMessage system calls the sender made for the traced message
 * @param interruptsPerMessage interrupts the receiving node took for the traced message
 * @param senderOverheadUs the sender's time in its send call, in µs
 * @param receiverOverheadUs the receiving CPU's time in interrupt service for the message,
 *     in µs: interrupts times the kernel's service time (CPU interrupt entry and exit plus the
 *     kernel's dispatch)
 */
public record AblationResult(String design, String mode, String ablation, int bytes,
    double latencyUs, double bandwidthMbS, long systemCallsPerMessage, long interruptsPerMessage,
    double senderOverheadUs, double receiverOverheadUs) implements Result {

  @Override
  public String experiment() {
    return "ablation";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    return ResultFields.of(this, "design", design, "mode", mode, "ablation", ablation,
        "bytes", bytes, "latency_us", latencyUs, "bandwidth_mb_s", bandwidthMbS,
        "system_calls_per_message", systemCallsPerMessage,
        "interrupts_per_message", interruptsPerMessage,
        "sender_overhead_us", senderOverheadUs, "receiver_overhead_us", receiverOverheadUs);
  }
}
