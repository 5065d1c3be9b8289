package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;

/**
 * Timing of DMA over the EISA I/O bus.
 *
 * <p>A transfer of {@code n} bytes takes {@link #setupTime} (the DMA engine is programmed and
 * wins the bus), then moves the bytes in bursts of at most {@link #burstBytes} at
 * {@link #burstRate}, with {@link #interBurstGap} between consecutive bursts (the master gives
 * up and re-arbitrates for the bus, and the memory side refills its buffers). The gap is what
 * separates the stated ~33 MB/s burst figure from the ~23 MB/s sustained by long transfers:
 * <pre>
 *   time(n) = setupTime + n / burstRate + (ceil(n / burstBytes) - 1) * interBurstGap
 * </pre>
 *
 * @param setupTime time from a DMA request to the first byte moving, per transfer
 * @param burstRate bytes per second within a burst
 * @param burstBytes the most bytes one burst moves before the bus is re-arbitrated
 * @param interBurstGap dead bus time between two bursts of one transfer
 */
public record IoBusParameters(
    SimDuration setupTime, long burstRate, int burstBytes, SimDuration interBurstGap) {

  /** Checks each parameter. */
  public IoBusParameters {
    requireNonNull(setupTime, "setupTime");
    requireNonNull(interBurstGap, "interBurstGap");
    checkArgument(burstRate > 0, "burst rate must be positive: %s bytes/s", burstRate);
    checkArgument(burstBytes > 0, "burst length must be positive: %s bytes", burstBytes);
  }

  /**
   * The default EISA bus of a SHRIMP node.
   * <ul>
   *   <li>setupTime 1 µs: modelling guess (programming the engine and about 8 bus clocks of
   *       arbitration at 8.33 MHz).
   *   <li>burstRate 33 MB/s (33,000,000 bytes/s): stated ~33 MB/s burst (EISA moves one 32-bit
   *       word per 8.33 MHz bus clock).
   *   <li>burstBytes 64 bytes (16 words): modelling guess.
   *   <li>interBurstGap 840 ns (7 bus clocks at 8.33 MHz): modelling guess, chosen so that long
   *       transfers sustain about 23 MB/s, the stated end-to-end figure; a 4 KB page takes
   *       about 178 µs.
   * </ul>
   */
  public static IoBusParameters eisa() {
    return new IoBusParameters(
        SimDuration.ofMicros(1), 33_000_000L, 64, SimDuration.ofNanos(840));
  }

  /** The bus time of a DMA transfer of {@code bytes} bytes, which must be positive. */
  public SimDuration transferTime(int bytes) {
    checkArgument(bytes > 0, "DMA transfer must move at least one byte: %s bytes", bytes);
    long bursts = (bytes + (long) burstBytes - 1) / burstBytes;
    return setupTime
        .plus(SimDuration.ofBytesAt(bytes, burstRate))
        .plus(interBurstGap.times(bursts - 1));
  }

  /** These parameters with {@code value} as the setup time. */
  public IoBusParameters withSetupTime(SimDuration value) {
    return new IoBusParameters(value, burstRate, burstBytes, interBurstGap);
  }

  /** These parameters with {@code value} bytes per second as the burst rate. */
  public IoBusParameters withBurstRate(long value) {
    return new IoBusParameters(setupTime, value, burstBytes, interBurstGap);
  }

  /** These parameters with bursts of at most {@code value} bytes. */
  public IoBusParameters withBurstBytes(int value) {
    return new IoBusParameters(setupTime, burstRate, value, interBurstGap);
  }

  /** These parameters with {@code value} between bursts. */
  public IoBusParameters withInterBurstGap(SimDuration value) {
    return new IoBusParameters(setupTime, burstRate, burstBytes, value);
  }
}
