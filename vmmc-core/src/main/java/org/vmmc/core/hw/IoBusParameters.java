package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

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
 * @see #PARAMETERS the defaults and their sources
 */
public record IoBusParameters(
    SimDuration setupTime, long burstRate, int burstBytes, SimDuration interBurstGap) {

  /** The declared parameters ({@code eisa.*}), with the SHRIMP node's EISA bus as defaults. */
  public static final ParameterSet<IoBusParameters, Builder> PARAMETERS = ParameterSet.builder(
          "eisa", "EISA I/O bus", IoBusParameters.class, Builder::new, Builder::build)
      .add("setup-ns", ValueType.NANOSECONDS, "EISA DMA set-up per transfer",
          SimDuration.ofMicros(1),
          Provenance.uncertain("modelling guess: programming the engine and about 8 bus clocks"
              + " of arbitration at 8.33 MHz"),
          IoBusParameters::setupTime, Builder::setupTime)
      .add("burst-rate", ValueType.MEGABYTES_PER_SECOND, "EISA rate within a burst",
          33_000_000L,
          Provenance.stated("~33 MB/s burst (EISA moves one 32-bit word per 8.33 MHz bus"
              + " clock)"),
          IoBusParameters::burstRate, Builder::burstRate)
      .add("burst-bytes", ValueType.BYTES, "most bytes of one EISA burst", 64,
          Provenance.uncertain("modelling guess: 16 words"),
          IoBusParameters::burstBytes, Builder::burstBytes)
      .add("inter-burst-gap-ns", ValueType.NANOSECONDS, "dead EISA bus time between two bursts",
          SimDuration.ofNanos(840),
          Provenance.uncertain("modelling guess, 7 bus clocks at 8.33 MHz, chosen so that long"
              + " transfers sustain about 23 MB/s, the stated end-to-end figure; a 4 KB page"
              + " takes about 178 µs"),
          IoBusParameters::interBurstGap, Builder::interBurstGap)
      .build();

  /** Checks each parameter. */
  public IoBusParameters {
    requireNonNull(setupTime, "setupTime");
    requireNonNull(interBurstGap, "interBurstGap");
    checkArgument(burstRate > 0, "burst rate must be positive: %s bytes/s", burstRate);
    checkArgument(burstBytes > 0, "burst length must be positive: %s bytes", burstBytes);
  }

  /** The default EISA bus of a SHRIMP node: the declared defaults of {@link #PARAMETERS}. */
  public static IoBusParameters eisa() {
    return PARAMETERS.defaults();
  }

  /** The bus time of a DMA transfer of {@code bytes} bytes, which must be positive. */
  public SimDuration transferTime(int bytes) {
    checkArgument(bytes > 0, "DMA transfer must move at least one byte: %s bytes", bytes);
    long bursts = (bytes + (long) burstBytes - 1) / burstBytes;
    return setupTime
        .plus(SimDuration.ofBytesAt(bytes, burstRate))
        .plus(interBurstGap.times(bursts - 1));
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link IoBusParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private SimDuration setupTime;
    private long burstRate;
    private int burstBytes;
    private SimDuration interBurstGap;

    private Builder() {}

    /** Sets the time from a DMA request to the first byte moving. */
    public Builder setupTime(SimDuration value) {
      this.setupTime = value;
      return this;
    }

    /** Sets the rate within a burst, in bytes per second. */
    public Builder burstRate(long value) {
      this.burstRate = value;
      return this;
    }

    /** Sets the most bytes one burst moves. */
    public Builder burstBytes(int value) {
      this.burstBytes = value;
      return this;
    }

    /** Sets the dead bus time between two bursts. */
    public Builder interBurstGap(SimDuration value) {
      this.interBurstGap = value;
      return this;
    }

    /** The parameters, checked. */
    public IoBusParameters build() {
      return new IoBusParameters(setupTime, burstRate, burstBytes, interBurstGap);
    }
  }
}
