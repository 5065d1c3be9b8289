package org.vmmc.hardware.conventional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The costs of a conventional, kernel-mediated network interface in the style of the Intel
 * Paragon's NX message passing, on a SHRIMP node. The kernel figures are cycles of the node's
 * CPU, on top of what the CPU model charges by itself (the trap into and out of the kernel,
 * interrupt entry and exit, one cached load and one cached store per word copied, uncached
 * references to the card). None of the kernel figures is published for NX: each is a
 * modelling guess of the path's length, and together they are calibrated so that a 4-byte
 * one-way message takes about 50 µs, the stated Paragon NX figure (design reference, section
 * 8). The package documentation gives the breakdown; each figure's unit, default and source
 * are declared in {@link #PARAMETERS}.
 *
 * @param sendPathCycles the send system call's own software path, besides the trap: checking
 *     the arguments and the caller's right to the destination, finding the import's
 *     descriptor, taking the send queue's lock
 * @param sendProtocolCycles NX protocol processing per message on the sender: building the
 *     message header, flow-control credit bookkeeping, queueing the message
 * @param copySetupCycles the kernel copy routine's fixed cost per copy, besides the words it
 *     moves: entry, user-address checks, alignment
 * @param nicStartReferences uncached references to the card's registers to start one packet's
 *     DMA: address, length, header, go
 * @param interruptServiceCycles the arrival interrupt's device service, besides the CPU's
 *     interrupt entry and exit: reading and acknowledging the card's status, finding the kernel
 *     buffer the packet went to
 * @param receiveProtocolCycles NX protocol processing per arriving packet: matching it to the
 *     destination buffer, checking that the frame accepts data, returning flow-control credit
 * @param kernelSendBuffers kernel buffers, one packet each, for packets waiting for the card's
 *     outgoing DMA; a send waits while all are full
 * @param kernelReceiveBuffers kernel buffers, one packet each, the card may DMA arriving
 *     packets into before the kernel copies them out; while all are full the card refuses
 *     packets and the mesh holds them
 * @param cardClock the card's logic clock
 * @param packetizerCycles card cycles to start a packet read from a kernel buffer into the
 *     network
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

  private static final String CALIBRATED = "; with the other kernel figures calibrated to the"
      + " stated 50 µs of a 4-byte Paragon NX message";

  /** The declared parameters ({@code conventional.*}), Paragon NX on a SHRIMP node. */
  public static final ParameterSet<ConventionalParameters, Builder> PARAMETERS =
      ParameterSet.builder("conventional", "conventional kernel-mediated interface",
              ConventionalParameters.class, Builder::new, Builder::build)
          .add("send-path-cycles", ValueType.CYCLES,
              "kernel send path besides the trap: checks, descriptor, lock", 600L,
              Provenance.uncertain("modelling guess of the path's length (10 µs)" + CALIBRATED),
              ConventionalParameters::sendPathCycles, Builder::sendPathCycles)
          .add("send-protocol-cycles", ValueType.CYCLES,
              "NX protocol work per message at the sender", 480L,
              Provenance.uncertain("modelling guess of the path's length (8 µs)" + CALIBRATED),
              ConventionalParameters::sendProtocolCycles, Builder::sendProtocolCycles)
          .add("copy-setup-cycles", ValueType.CYCLES,
              "fixed cost of one kernel copy besides its words", 50L,
              Provenance.uncertain("modelling guess: entry, user-address checks, alignment"),
              ConventionalParameters::copySetupCycles, Builder::copySetupCycles)
          .add("nic-start-references", ValueType.COUNT,
              "uncached card register references to start one packet", 4,
              Provenance.uncertain("modelling guess: address, length, header, go"),
              ConventionalParameters::nicStartReferences, Builder::nicStartReferences)
          .add("interrupt-service-cycles", ValueType.CYCLES,
              "arrival interrupt's device service besides entry and exit", 480L,
              Provenance.uncertain("modelling guess of the path's length (8 µs)" + CALIBRATED),
              ConventionalParameters::interruptServiceCycles, Builder::interruptServiceCycles)
          .add("receive-protocol-cycles", ValueType.CYCLES,
              "NX protocol work per arriving packet", 660L,
              Provenance.uncertain("modelling guess of the path's length (11 µs)" + CALIBRATED),
              ConventionalParameters::receiveProtocolCycles, Builder::receiveProtocolCycles)
          .add("kernel-send-buffers", ValueType.COUNT,
              "one-packet kernel buffers waiting for the card's outgoing DMA", 16,
              Provenance.uncertain("modelling guess"),
              ConventionalParameters::kernelSendBuffers, Builder::kernelSendBuffers)
          .add("kernel-receive-buffers", ValueType.COUNT,
              "one-packet kernel buffers the card DMAs arrivals into", 16,
              Provenance.uncertain("modelling guess"),
              ConventionalParameters::kernelReceiveBuffers, Builder::kernelReceiveBuffers)
          .add("card-clock-mhz", ValueType.MEGAHERTZ, "conventional card logic clock",
              ClockRate.ofMegahertz(33),
              Provenance.uncertain("modelling guess: 33 MHz, as the SHRIMP boards"),
              ConventionalParameters::cardClock, Builder::cardClock)
          .add("packetizer-cycles", ValueType.CYCLES,
              "card cycles to start a packet into the network", 6L,
              Provenance.uncertain("modelling guess"),
              ConventionalParameters::packetizerCycles, Builder::packetizerCycles)
          .build();

  /** Paragon NX on a SHRIMP node: the declared defaults of {@link #PARAMETERS}. */
  public static final ConventionalParameters PARAGON_NX = PARAMETERS.defaults();

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

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link ConventionalParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private long sendPathCycles;
    private long sendProtocolCycles;
    private long copySetupCycles;
    private int nicStartReferences;
    private long interruptServiceCycles;
    private long receiveProtocolCycles;
    private int kernelSendBuffers;
    private int kernelReceiveBuffers;
    private ClockRate cardClock;
    private long packetizerCycles;

    private Builder() {}

    /** Sets the send system call's own software path, in CPU cycles. */
    public Builder sendPathCycles(long value) {
      this.sendPathCycles = value;
      return this;
    }

    /** Sets the NX protocol work per message at the sender, in CPU cycles. */
    public Builder sendProtocolCycles(long value) {
      this.sendProtocolCycles = value;
      return this;
    }

    /** Sets the fixed cost of one kernel copy, in CPU cycles. */
    public Builder copySetupCycles(long value) {
      this.copySetupCycles = value;
      return this;
    }

    /** Sets the uncached card register references to start one packet. */
    public Builder nicStartReferences(int value) {
      this.nicStartReferences = value;
      return this;
    }

    /** Sets the arrival interrupt's device service, in CPU cycles. */
    public Builder interruptServiceCycles(long value) {
      this.interruptServiceCycles = value;
      return this;
    }

    /** Sets the NX protocol work per arriving packet, in CPU cycles. */
    public Builder receiveProtocolCycles(long value) {
      this.receiveProtocolCycles = value;
      return this;
    }

    /** Sets the one-packet kernel buffers for outgoing packets. */
    public Builder kernelSendBuffers(int value) {
      this.kernelSendBuffers = value;
      return this;
    }

    /** Sets the one-packet kernel buffers for arriving packets. */
    public Builder kernelReceiveBuffers(int value) {
      this.kernelReceiveBuffers = value;
      return this;
    }

    /** Sets the card's logic clock. */
    public Builder cardClock(ClockRate value) {
      this.cardClock = value;
      return this;
    }

    /** Sets the card cycles to start a packet into the network. */
    public Builder packetizerCycles(long value) {
      this.packetizerCycles = value;
      return this;
    }

    /** The parameters, checked. */
    public ConventionalParameters build() {
      return new ConventionalParameters(sendPathCycles, sendProtocolCycles, copySetupCycles,
          nicStartReferences, interruptServiceCycles, receiveProtocolCycles, kernelSendBuffers,
          kernelReceiveBuffers, cardClock, packetizerCycles);
    }
  }
}
