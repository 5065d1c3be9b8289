package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/**
 * The timing and sizes of the SHRIMP-II network interface. The board's internal figures are
 * not published; each default is a modelling guess of the right order for a board built
 * from 1995 FPGAs and FIFOs, and is named so that experiments can vary it. Bus and CPU costs
 * are the node hardware's parameters, not these.
 *
 * @param clock the interface logic's clock (modelling guess: 33 MHz, the EISA bus clock
 *     domain the board's DMA side runs in)
 * @param outgoingTableEntries entries in the outgoing page table, so proxy pages one node can
 *     have mapped at once (modelling guess)
 * @param udmaStartCycles interface cycles from the LOAD that starts a deliberate update to the
 *     deliberate-update engine asking for the EISA bus (modelling guess)
 * @param duQueueDepth transfers the deliberate-update engine holds besides the one it works on;
 *     a start while it is full reports busy (modelling guess)
 * @param maxPacketPayload the largest payload the interface puts in one packet, in bytes, for
 *     deliberate and automatic update alike; it is also the size limit of automatic-update
 *     combining (modelling guess: one page, since a packet never crosses a page)
 * @param packetizerCycles interface cycles for the packetizer to build a header and start a
 *     packet into the network interface chip (modelling guess)
 * @param incomingFifoPackets packets the network interface chip buffers while the incoming
 *     DMA engine is busy; when full it stops taking packets (modelling guess)
 * @param incomingCheckCycles interface cycles to look up the incoming page table for an
 *     arriving packet (modelling guess)
 * @param outgoingFifoWords entries in the outgoing FIFO that holds snooped automatic-update
 *     stores until their packet has left, one entry per bus write (a word or less); when it is
 *     full the next store to a bound page stalls the memory bus (modelling guess: 1024, one
 *     bank of the 1K-deep FIFO chips of the day, address and data side by side)
 * @param snoopCycles interface cycles from a store on the Xpress bus to its packet being ready
 *     for the packetizer: latching the bus cycle, synchronising it into the interface clock,
 *     the FIFO's fall-through and the outgoing page table lookup of its frame (modelling guess:
 *     2 cycles of synchroniser, 1 of FIFO, 1 of table SRAM)
 * @param combiningTimerCycles interface cycles of the {@code TIMER_WRITE} flush timer, which
 *     every store to the open packet restarts and whose expiry sends the packet (modelling
 *     guess: 96 cycles, about 2.9 µs, long enough to gather the stores of a copy loop that
 *     misses in the cache between them; with the defaults it brings a one-word automatic
 *     update to the published 4.8 µs, see the package documentation)
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
    long combiningTimerCycles) {

  /** The defaults documented on each component. */
  public static final Shrimp2Parameters DEFAULTS = new Shrimp2Parameters(
      ClockRate.ofMegahertz(33), 4096, 4, 1, 4096, 6, 4, 2, 1024, 4, 96);

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

  /** These parameters with packets of at most {@code value} bytes of payload. */
  public Shrimp2Parameters withMaxPacketPayload(int value) {
    return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
        value, packetizerCycles, incomingFifoPackets, incomingCheckCycles, outgoingFifoWords,
        snoopCycles, combiningTimerCycles);
  }

  /** These parameters with an outgoing FIFO of {@code value} entries. */
  public Shrimp2Parameters withOutgoingFifoWords(int value) {
    return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
        maxPacketPayload, packetizerCycles, incomingFifoPackets, incomingCheckCycles, value,
        snoopCycles, combiningTimerCycles);
  }

  /** These parameters with {@code value} interface cycles from bus write to packetizer. */
  public Shrimp2Parameters withSnoopCycles(long value) {
    return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
        maxPacketPayload, packetizerCycles, incomingFifoPackets, incomingCheckCycles,
        outgoingFifoWords, value, combiningTimerCycles);
  }

  /** These parameters with a {@code TIMER_WRITE} flush timer of {@code value} cycles. */
  public Shrimp2Parameters withCombiningTimerCycles(long value) {
    return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
        maxPacketPayload, packetizerCycles, incomingFifoPackets, incomingCheckCycles,
        outgoingFifoWords, snoopCycles, value);
  }
}
