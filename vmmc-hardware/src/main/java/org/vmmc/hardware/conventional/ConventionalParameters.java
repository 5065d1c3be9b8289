package org.vmmc.hardware.conventional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;

/**
 * The costs of a conventional, kernel-mediated network interface in the style of the Intel
 * Paragon's NX message passing, on a SHRIMP node. The kernel figures are cycles of the node's
 * CPU, on top of what the CPU model charges by itself (the trap into and out of the kernel,
 * interrupt entry and exit, one cached load and one cached store per word copied, uncached
 * references to the card). None of the kernel figures is published for NX: each is a
 * modelling guess of the path's length, and together they are calibrated so that a 4-byte
 * one-way message takes about 50 µs, the stated Paragon NX figure (design reference, section
 * 8). The package documentation gives the breakdown.
 *
 * @param sendPathCycles the send system call's own software path, besides the trap: checking
 *     the arguments and the caller's right to the destination, finding the import's
 *     descriptor, taking the send queue's lock (modelling guess: 600 cycles, 10 µs)
 * @param sendProtocolCycles NX protocol processing per message on the sender: building the
 *     message header, flow-control credit bookkeeping, queueing the message (modelling guess:
 *     480 cycles, 8 µs)
 * @param copySetupCycles the kernel copy routine's fixed cost per copy, besides the words it
 *     moves: entry, user-address checks, alignment (modelling guess: 50 cycles)
 * @param nicStartReferences uncached references to the card's registers to start one packet's
 *     DMA: address, length, header, go (modelling guess: 4)
 * @param interruptServiceCycles the arrival interrupt's device service, besides the CPU's
 *     interrupt entry and exit: reading and acknowledging the card's status, finding the kernel
 *     buffer the packet went to (modelling guess: 480 cycles, 8 µs)
 * @param receiveProtocolCycles NX protocol processing per arriving packet: matching it to the
 *     destination buffer, checking that the frame accepts data, returning flow-control credit
 *     (modelling guess: 660 cycles, 11 µs)
 * @param kernelSendBuffers kernel buffers, one packet each, for packets waiting for the card's
 *     outgoing DMA; a send waits while all are full (modelling guess)
 * @param kernelReceiveBuffers kernel buffers, one packet each, the card may DMA arriving
 *     packets into before the kernel copies them out; while all are full the card refuses
 *     packets and the mesh holds them (modelling guess)
 * @param cardClock the card's logic clock (modelling guess: 33 MHz, as the SHRIMP boards)
 * @param packetizerCycles card cycles to start a packet read from a kernel buffer into the
 *     network (modelling guess)
 */
public record ConventionalParameters(
    long sendPathCycles,
    long sendProtocolCycles,
    long copySetupCycles,
    int nicStartReferences,
    long interruptServiceCycles,
    long receiveProtocolCycles,
    int kernelSendBuffers,
    int kernelReceiveBuffers,
    ClockRate cardClock,
    long packetizerCycles) {

  /** Paragon NX on a SHRIMP node: the defaults documented on each parameter. */
  public static final ConventionalParameters PARAGON_NX = new ConventionalParameters(
      600, 480, 50, 4, 480, 660, 16, 16, ClockRate.ofMegahertz(33), 6);

  /** Checks every figure. */
  public ConventionalParameters {
    requireNonNull(cardClock, "cardClock");
    checkArgument(sendPathCycles >= 0, "sendPathCycles must not be negative: %s",
        sendPathCycles);
    checkArgument(sendProtocolCycles >= 0, "sendProtocolCycles must not be negative: %s",
        sendProtocolCycles);
    checkArgument(copySetupCycles >= 0, "copySetupCycles must not be negative: %s",
        copySetupCycles);
    checkArgument(nicStartReferences >= 0, "nicStartReferences must not be negative: %s",
        nicStartReferences);
    checkArgument(interruptServiceCycles >= 0, "interruptServiceCycles must not be negative: %s",
        interruptServiceCycles);
    checkArgument(receiveProtocolCycles >= 0, "receiveProtocolCycles must not be negative: %s",
        receiveProtocolCycles);
    checkArgument(kernelSendBuffers > 0, "kernelSendBuffers must be positive: %s",
        kernelSendBuffers);
    checkArgument(kernelReceiveBuffers > 0, "kernelReceiveBuffers must be positive: %s",
        kernelReceiveBuffers);
    checkArgument(packetizerCycles >= 0, "packetizerCycles must not be negative: %s",
        packetizerCycles);
  }

  /** These parameters with the two software paths of a send set to the given cycle counts. */
  public ConventionalParameters withSendCycles(long path, long protocol) {
    return new ConventionalParameters(path, protocol, copySetupCycles, nicStartReferences,
        interruptServiceCycles, receiveProtocolCycles, kernelSendBuffers, kernelReceiveBuffers,
        cardClock, packetizerCycles);
  }

  /** These parameters with the two software paths of an arrival set to the given cycle counts. */
  public ConventionalParameters withReceiveCycles(long service, long protocol) {
    return new ConventionalParameters(sendPathCycles, sendProtocolCycles, copySetupCycles,
        nicStartReferences, service, protocol, kernelSendBuffers, kernelReceiveBuffers,
        cardClock, packetizerCycles);
  }

  /** These parameters with {@code send} and {@code receive} kernel buffers of one packet each. */
  public ConventionalParameters withKernelBuffers(int send, int receive) {
    return new ConventionalParameters(sendPathCycles, sendProtocolCycles, copySetupCycles,
        nicStartReferences, interruptServiceCycles, receiveProtocolCycles, send, receive,
        cardClock, packetizerCycles);
  }
}
