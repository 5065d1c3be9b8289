package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;

import org.vmmc.core.ClockRate;

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
 * @param maxPacketPayload the largest payload the deliberate-update engine puts in one packet,
 *     in bytes (modelling guess: one page, since a packet never crosses a page)
 * @param packetizerCycles interface cycles for the packetizer to build a header and start a
 *     packet into the network interface chip (modelling guess)
 * @param incomingFifoPackets packets the network interface chip buffers while the incoming
 *     DMA engine is busy; when full it stops taking packets (modelling guess)
 * @param incomingCheckCycles interface cycles to look up the incoming page table for an
 *     arriving packet (modelling guess)
 * @param interruptEveryArrival when true, the incoming DMA engine interrupts the kernel for
 *     every packet it writes, whatever the packet's flags and the frame's interrupt bit, as an
 *     interface that needs the kernel on every receive would; an ablation to measure what
 *     interrupt-free receiving saves (default false)
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
    boolean interruptEveryArrival) {

  /** The defaults documented on each component. */
  public static final Shrimp2Parameters DEFAULTS = new Shrimp2Parameters(
      ClockRate.ofMegahertz(33), 4096, 4, 1, 4096, 6, 4, 2);

  /** Checks every figure. */
  public Shrimp2Parameters {
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
  }

  /** The given timing and sizes, with interrupts only for packets that ask for them. */
  public Shrimp2Parameters(ClockRate clock, int outgoingTableEntries, long udmaStartCycles,
      int duQueueDepth, int maxPacketPayload, long packetizerCycles, int incomingFifoPackets,
      long incomingCheckCycles) {
    this(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth, maxPacketPayload,
        packetizerCycles, incomingFifoPackets, incomingCheckCycles, false);
  }

  /** These parameters with {@link #interruptEveryArrival} set to {@code value}. */
  public Shrimp2Parameters withInterruptEveryArrival(boolean value) {
    return new Shrimp2Parameters(clock, outgoingTableEntries, udmaStartCycles, duQueueDepth,
        maxPacketPayload, packetizerCycles, incomingFifoPackets, incomingCheckCycles, value);
  }
}
