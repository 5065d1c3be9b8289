package org.vmmc.hardware.shrimp1;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The timing and sizes of the SHRIMP-I network interface, an EISA card with no memory-bus
 * snooper. Its internal figures are not published; each default is a modelling guess of the
 * right order for an EISA card built from 1994 programmable logic, named so that experiments
 * can vary it. Bus and CPU costs are the node hardware's parameters, not these. Each figure's
 * unit, default and source are declared in {@link #PARAMETERS}.
 *
 * @param clock the card logic's clock
 * @param firstSendPageFrame the first physical frame of the send-page pool: the frames that the
 *     driver maps, one per imported page, as the pages a send may take its data from. The pool
 *     lies in the kernel's reserved low memory, where a driver keeps the buffers it allocates at
 *     boot
 * @param sendPages how many frames the pool holds, so how many pages one node can have imported
 *     at once
 * @param startCycles card cycles from the compare-and-exchange that starts a send to the
 *     outgoing DMA engine asking for the EISA bus
 * @param sendQueueDepth transfers the outgoing DMA engine holds besides the one it works on; a
 *     compare-and-exchange while it is full answers busy
 * @param packetizerCycles card cycles to build a packet header and start the packet into the
 *     network interface chip
 * @param incomingFifoPackets packets the card buffers while its incoming DMA engine is busy;
 *     when full it stops taking packets and the mesh holds them
 * @param incomingCheckCycles card cycles to look up the incoming page table for an arriving
 *     packet
 */
public record Shrimp1Parameters(
    ClockRate clock,
    long firstSendPageFrame,
    int sendPages,
    long startCycles,
    int sendQueueDepth,
    long packetizerCycles,
    int incomingFifoPackets,
    long incomingCheckCycles) {

  private static final Provenance GUESS = Provenance.uncertain("modelling guess of the right"
      + " order for an EISA card built from 1994 programmable logic");

  /** The declared parameters ({@code shrimp1.*}). */
  public static final ParameterSet<Shrimp1Parameters, Builder> PARAMETERS = ParameterSet.builder(
          "shrimp1", "SHRIMP-I network interface", Shrimp1Parameters.class, Builder::new,
          Builder::build)
      .add("clock-mhz", ValueType.MEGAHERTZ, "SHRIMP-I card logic clock",
          ClockRate.ofMegahertz(33), Provenance.uncertain("modelling guess: 33 MHz, as"
              + " SHRIMP-II's board"),
          Shrimp1Parameters::clock, Builder::clock)
      .add("first-send-page-frame", ValueType.LONG_COUNT,
          "first physical frame of the send-page pool", 128L,
          Provenance.uncertain("modelling choice: frames 128 to 255 of the kernel's default"
              + " 256 reserved frames, where a driver keeps the buffers it allocates at boot"),
          Shrimp1Parameters::firstSendPageFrame, Builder::firstSendPageFrame)
      .add("send-pages", ValueType.COUNT,
          "send pages in the pool, so pages a node can have imported", 128,
          Provenance.uncertain("modelling guess: 128 pages, 512 KB"),
          Shrimp1Parameters::sendPages, Builder::sendPages)
      .add("start-cycles", ValueType.CYCLES,
          "card cycles from the compare-and-exchange to the DMA engine asking for EISA", 4L,
          GUESS,
          Shrimp1Parameters::startCycles, Builder::startCycles)
      .add("send-queue-depth", ValueType.COUNT, "transfers queued behind the current one", 1,
          GUESS,
          Shrimp1Parameters::sendQueueDepth, Builder::sendQueueDepth)
      .add("packetizer-cycles", ValueType.CYCLES,
          "card cycles to build a header and start a packet", 6L,
          GUESS,
          Shrimp1Parameters::packetizerCycles, Builder::packetizerCycles)
      .add("incoming-fifo-packets", ValueType.COUNT,
          "packets buffered while incoming DMA is busy", 4,
          GUESS,
          Shrimp1Parameters::incomingFifoPackets, Builder::incomingFifoPackets)
      .add("incoming-check-cycles", ValueType.CYCLES,
          "card cycles to check the incoming page table", 2L,
          GUESS,
          Shrimp1Parameters::incomingCheckCycles, Builder::incomingCheckCycles)
      .build();

  /** The declared defaults of {@link #PARAMETERS}. */
  public static final Shrimp1Parameters DEFAULTS = PARAMETERS.defaults();

  /** Checks every figure. */
  public Shrimp1Parameters {
    requireNonNull(clock, "clock");
    checkArgument(firstSendPageFrame >= 0, "firstSendPageFrame must not be negative: %s",
        firstSendPageFrame);
    checkArgument(sendPages > 0, "sendPages must be positive: %s", sendPages);
    checkArgument(startCycles >= 0, "startCycles must not be negative: %s", startCycles);
    checkArgument(sendQueueDepth >= 0, "sendQueueDepth must not be negative: %s",
        sendQueueDepth);
    checkArgument(packetizerCycles >= 0, "packetizerCycles must not be negative: %s",
        packetizerCycles);
    checkArgument(incomingFifoPackets > 0, "incomingFifoPackets must be positive: %s",
        incomingFifoPackets);
    checkArgument(incomingCheckCycles >= 0, "incomingCheckCycles must not be negative: %s",
        incomingCheckCycles);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link Shrimp1Parameters}; the record's constructor checks the values. */
  public static final class Builder {
    private ClockRate clock;
    private long firstSendPageFrame;
    private int sendPages;
    private long startCycles;
    private int sendQueueDepth;
    private long packetizerCycles;
    private int incomingFifoPackets;
    private long incomingCheckCycles;

    private Builder() {}

    /** Sets the card logic's clock. */
    public Builder clock(ClockRate value) {
      this.clock = value;
      return this;
    }

    /** Sets the first physical frame of the send-page pool. */
    public Builder firstSendPageFrame(long value) {
      this.firstSendPageFrame = value;
      return this;
    }

    /** Sets how many frames the send-page pool holds. */
    public Builder sendPages(int value) {
      this.sendPages = value;
      return this;
    }

    /** Sets the card cycles from a send's start to the DMA engine asking for the bus. */
    public Builder startCycles(long value) {
      this.startCycles = value;
      return this;
    }

    /** Sets the transfers the outgoing DMA engine holds besides the one it works on. */
    public Builder sendQueueDepth(int value) {
      this.sendQueueDepth = value;
      return this;
    }

    /** Sets the card cycles to build a header and start a packet. */
    public Builder packetizerCycles(long value) {
      this.packetizerCycles = value;
      return this;
    }

    /** Sets the packets the card buffers while its incoming DMA engine is busy. */
    public Builder incomingFifoPackets(int value) {
      this.incomingFifoPackets = value;
      return this;
    }

    /** Sets the card cycles to look up the incoming page table. */
    public Builder incomingCheckCycles(long value) {
      this.incomingCheckCycles = value;
      return this;
    }

    /** The parameters, checked. */
    public Shrimp1Parameters build() {
      return new Shrimp1Parameters(clock, firstSendPageFrame, sendPages, startCycles,
          sendQueueDepth, packetizerCycles, incomingFifoPackets, incomingCheckCycles);
    }
  }
}
