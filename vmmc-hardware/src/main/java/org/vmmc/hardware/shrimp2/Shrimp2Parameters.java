package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The timing and sizes of the SHRIMP-II network interface. The board's internal figures are
 * not published; each default is a modelling guess of the right order for a board built
 * from 1995 FPGAs and FIFOs, and is named so that experiments can vary it. Bus and CPU costs
 * are the node hardware's parameters, not these. Each figure's unit, default and source are
 * declared in {@link #PARAMETERS}.
 *
 * @param clock the interface logic's clock
 * @param outgoingTableEntries entries in the outgoing page table, so proxy pages one node can
 *     have mapped at once
 * @param udmaStartCycles interface cycles from the LOAD that starts a deliberate update to the
 *     deliberate-update engine asking for the EISA bus
 * @param duQueueDepth transfers the deliberate-update engine holds besides the one it works on;
 *     a start while it is full reports busy
 * @param maxPacketPayload the largest payload the interface puts in one packet, in bytes, for
 *     deliberate and automatic update alike; it is also the size limit of automatic-update
 *     combining
 * @param packetizerCycles interface cycles for the packetizer to build a header and start a
 *     packet into the network interface chip
 * @param incomingFifoPackets packets the network interface chip buffers while the incoming
 *     DMA engine is busy; when full it stops taking packets
 * @param incomingCheckCycles interface cycles to look up the incoming page table for an
 *     arriving packet
 * @param outgoingFifoWords entries in the outgoing FIFO that holds snooped automatic-update
 *     stores until their packet has left, one entry per bus write (a word or less); when it is
 *     full the next store to a bound page stalls the memory bus
 * @param snoopCycles interface cycles from a store on the Xpress bus to its packet being ready
 *     for the packetizer: latching the bus cycle, synchronising it into the interface clock,
 *     the FIFO's fall-through and the outgoing page table lookup of its frame
 * @param combiningTimerCycles interface cycles of the {@code TIMER_WRITE} flush timer, which
 *     every store to the open packet restarts and whose expiry sends the packet
 * @param interruptEveryArrival when true, the incoming DMA engine interrupts the kernel for
 *     every packet it writes, whatever the packet's flags and the frame's interrupt bit, as an
 *     interface that needs the kernel on every receive would; an ablation to measure what
 *     interrupt-free receiving saves
 */
public record Shrimp2Parameters(
    ClockRate clock,
    int outgoingTableEntries,
    long udmaStartCycles,
    int duQueueDepth,
    int maxPacketPayload,
    long packetizerCycles,
    int incomingFifoPackets,
    long incomingCheckCycles,
    int outgoingFifoWords,
    long snoopCycles,
    long combiningTimerCycles,
    boolean interruptEveryArrival) {

  private static final Provenance GUESS = Provenance.uncertain("modelling guess of the right"
      + " order for a board built from 1995 FPGAs and FIFOs");

  /** The declared parameters ({@code shrimp2.*}). */
  public static final ParameterSet<Shrimp2Parameters, Builder> PARAMETERS = ParameterSet.builder(
          "shrimp2", "SHRIMP-II network interface", Shrimp2Parameters.class, Builder::new,
          Builder::build)
      .add("clock-mhz", ValueType.MEGAHERTZ, "SHRIMP-II interface logic clock",
          ClockRate.ofMegahertz(33), Provenance.uncertain("modelling guess: the EISA bus clock"
              + " domain the board's DMA side runs in"),
          Shrimp2Parameters::clock, Builder::clock)
      .add("outgoing-table-entries", ValueType.COUNT, "outgoing page table entries", 4096, GUESS,
          Shrimp2Parameters::outgoingTableEntries, Builder::outgoingTableEntries)
      .add("udma-start-cycles", ValueType.CYCLES,
          "interface cycles from the UDMA LOAD to the engine asking for EISA", 4L, GUESS,
          Shrimp2Parameters::udmaStartCycles, Builder::udmaStartCycles)
      .add("du-queue-depth", ValueType.COUNT, "deliberate updates queued behind the current one",
          1, GUESS, Shrimp2Parameters::duQueueDepth, Builder::duQueueDepth)
      .add("max-packet-payload", ValueType.BYTES,
          "largest payload of one packet, deliberate or automatic update", 4096,
          Provenance.uncertain("modelling guess: one page, since a packet never crosses a"
              + " page"),
          Shrimp2Parameters::maxPacketPayload, Builder::maxPacketPayload)
      .add("packetizer-cycles", ValueType.CYCLES,
          "interface cycles to build a header and start a packet", 6L, GUESS,
          Shrimp2Parameters::packetizerCycles, Builder::packetizerCycles)
      .add("incoming-fifo-packets", ValueType.COUNT, "packets buffered while incoming DMA is busy",
          4, GUESS, Shrimp2Parameters::incomingFifoPackets, Builder::incomingFifoPackets)
      .add("incoming-check-cycles", ValueType.CYCLES,
          "interface cycles to check the incoming page table", 2L, GUESS,
          Shrimp2Parameters::incomingCheckCycles, Builder::incomingCheckCycles)
      .add("outgoing-fifo-words", ValueType.COUNT,
          "outgoing FIFO entries for snooped automatic-update stores", 1024,
          Provenance.uncertain("modelling guess: one bank of the 1K-deep FIFO chips of the day,"
              + " address and data side by side"),
          Shrimp2Parameters::outgoingFifoWords, Builder::outgoingFifoWords)
      .add("snoop-cycles", ValueType.CYCLES,
          "interface cycles from a snooped store to its packet being ready", 4L,
          Provenance.uncertain("modelling guess: 2 cycles of synchroniser, 1 of FIFO, 1 of"
              + " table SRAM"),
          Shrimp2Parameters::snoopCycles, Builder::snoopCycles)
      .add("combining-timer-cycles", ValueType.CYCLES,
          "TIMER_WRITE flush timer, restarted by every store", 96L,
          Provenance.uncertain("modelling guess: about 2.9 µs, long enough to gather the stores"
              + " of a copy loop that misses in the cache between them; with the defaults it"
              + " brings a one-word automatic update to the published 4.8 µs (package"
              + " documentation)"),
          Shrimp2Parameters::combiningTimerCycles, Builder::combiningTimerCycles)
      .add("interrupt-every-arrival", ValueType.FLAG,
          "ablation: interrupt the kernel for every arriving packet", false,
          Provenance.stated("off: without a notification, data arrives with no interrupt"
              + " (design reference, section 2)"),
          Shrimp2Parameters::interruptEveryArrival, Builder::interruptEveryArrival)
      .build();

  /** The declared defaults of {@link #PARAMETERS}. */
  public static final Shrimp2Parameters DEFAULTS = PARAMETERS.defaults();

  /** Checks every figure. */
  public Shrimp2Parameters {
    requireNonNull(clock, "clock");
    checkArgument(outgoingTableEntries > 0, "outgoingTableEntries must be positive: %s",
        outgoingTableEntries);
    checkArgument(udmaStartCycles >= 0, "udmaStartCycles must not be negative: %s",
        udmaStartCycles);
    checkArgument(duQueueDepth >= 0, "duQueueDepth must not be negative: %s", duQueueDepth);
    checkArgument(maxPacketPayload >= 4 && maxPacketPayload % 4 == 0,
        "maxPacketPayload must be a positive multiple of 4 bytes: %s", maxPacketPayload);
    checkArgument(packetizerCycles >= 0, "packetizerCycles must not be negative: %s",
        packetizerCycles);
    checkArgument(incomingFifoPackets > 0, "incomingFifoPackets must be positive: %s",
        incomingFifoPackets);
    checkArgument(incomingCheckCycles >= 0, "incomingCheckCycles must not be negative: %s",
        incomingCheckCycles);
    checkArgument(outgoingFifoWords > 0, "outgoingFifoWords must be positive: %s",
        outgoingFifoWords);
    checkArgument(snoopCycles >= 0, "snoopCycles must not be negative: %s", snoopCycles);
    checkArgument(combiningTimerCycles > 0, "combiningTimerCycles must be positive: %s",
        combiningTimerCycles);
  }

  /** The time {@code n} interface cycles take. */
  public SimDuration cycles(long n) {
    return clock.cycles(n);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link Shrimp2Parameters}; the record's constructor checks the values. */
  public static final class Builder {
    private ClockRate clock;
    private int outgoingTableEntries;
    private long udmaStartCycles;
    private int duQueueDepth;
    private int maxPacketPayload;
    private long packetizerCycles;
    private int incomingFifoPackets;
    private long incomingCheckCycles;
    private int outgoingFifoWords;
    private long snoopCycles;
    private long combiningTimerCycles;
    private boolean interruptEveryArrival;

    private Builder() {}

    /** Sets the interface logic's clock. */
    public Builder clock(ClockRate value) {
      this.clock = value;
      return this;
    }

    /** Sets the entries in the outgoing page table. */
    public Builder outgoingTableEntries(int value) {
      this.outgoingTableEntries = value;
      return this;
    }

    /** Sets the interface cycles from the UDMA LOAD to the engine asking for the bus. */
    public Builder udmaStartCycles(long value) {
      this.udmaStartCycles = value;
      return this;
    }

    /** Sets the transfers the deliberate-update engine holds besides the one it works on. */
    public Builder duQueueDepth(int value) {
      this.duQueueDepth = value;
      return this;
    }

    /** Sets the largest payload of one packet, in bytes. */
    public Builder maxPacketPayload(int value) {
      this.maxPacketPayload = value;
      return this;
    }

    /** Sets the interface cycles to build a header and start a packet. */
    public Builder packetizerCycles(long value) {
      this.packetizerCycles = value;
      return this;
    }

    /** Sets the packets buffered while the incoming DMA engine is busy. */
    public Builder incomingFifoPackets(int value) {
      this.incomingFifoPackets = value;
      return this;
    }

    /** Sets the interface cycles to look up the incoming page table. */
    public Builder incomingCheckCycles(long value) {
      this.incomingCheckCycles = value;
      return this;
    }

    /** Sets the entries of the outgoing FIFO. */
    public Builder outgoingFifoWords(int value) {
      this.outgoingFifoWords = value;
      return this;
    }

    /** Sets the interface cycles from a snooped store to its packet being ready. */
    public Builder snoopCycles(long value) {
      this.snoopCycles = value;
      return this;
    }

    /** Sets the cycles of the {@code TIMER_WRITE} flush timer. */
    public Builder combiningTimerCycles(long value) {
      this.combiningTimerCycles = value;
      return this;
    }

    /** Sets whether every arriving packet interrupts the kernel. */
    public Builder interruptEveryArrival(boolean value) {
      this.interruptEveryArrival = value;
      return this;
    }

    /** The parameters, checked. */
    public Shrimp2Parameters build() {
      return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
          maxPacketPayload, packetizerCycles, incomingFifoPackets, incomingCheckCycles,
          outgoingFifoWords, snoopCycles, combiningTimerCycles, interruptEveryArrival);
    }
  }
}
