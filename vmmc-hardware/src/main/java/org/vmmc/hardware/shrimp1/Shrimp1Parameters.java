package org.vmmc.hardware.shrimp1;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;

/**
 * The timing and sizes of the SHRIMP-I network interface, an EISA card with no memory-bus
 * snooper. Its internal figures are not published; each default is a modelling guess of the
 * right order for an EISA card built from 1994 programmable logic, named so that experiments
 * can vary it. Bus and CPU costs are the node hardware's parameters, not these.
 *
 * @param clock the card logic's clock (modelling guess: 33 MHz, as SHRIMP-II's board)
 * @param firstSendPageFrame the first physical frame of the send-page pool: the frames that the
 *     driver maps, one per imported page, as the pages a send may take its data from. The pool
 *     lies in the kernel's reserved low memory, where a driver keeps the buffers it allocates at
 *     boot (modelling choice: frames 128 to 255 of the kernel's default 256 reserved frames)
 * @param sendPages how many frames the pool holds, so how many pages one node can have imported
 *     at once (modelling guess: 128 pages, 512 KB)
 * @param startCycles card cycles from the compare-and-exchange that starts a send to the
 *     outgoing DMA engine asking for the EISA bus (modelling guess)
 * @param sendQueueDepth transfers the outgoing DMA engine holds besides the one it works on; a
 *     compare-and-exchange while it is full answers busy (modelling guess)
 * @param packetizerCycles card cycles to build a packet header and start the packet into the
 *     network interface chip (modelling guess)
 * @param incomingFifoPackets packets the card buffers while its incoming DMA engine is busy;
 *     when full it stops taking packets and the mesh holds them (modelling guess)
 * @param incomingCheckCycles card cycles to look up the incoming page table for an arriving
 *     packet (modelling guess)
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

  /** The defaults documented on each parameter. */
  public static final Shrimp1Parameters DEFAULTS = new Shrimp1Parameters(
      ClockRate.ofMegahertz(33), 128, 128, 4, 1, 6, 4, 2);

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

  /** These parameters with a send-page pool of {@code count} frames from frame {@code first}. */
  public Shrimp1Parameters withSendPagePool(long first, int count) {
    return new Shrimp1Parameters(clock, first, count, startCycles, sendQueueDepth,
        packetizerCycles, incomingFifoPackets, incomingCheckCycles);
  }

  /** These parameters with {@code value} transfers queued behind the one in progress. */
  public Shrimp1Parameters withSendQueueDepth(int value) {
    return new Shrimp1Parameters(clock, firstSendPageFrame, sendPages, startCycles, value,
        packetizerCycles, incomingFifoPackets, incomingCheckCycles);
  }
}
