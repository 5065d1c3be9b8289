package org.vmmc.examples.ideal;

import static com.google.common.base.Preconditions.checkArgument;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The two figures of the ideal interface, which has no costs of its own to set: how large its
 * packets are and how many it holds while the backplane pushes back. Both are declared once in
 * {@link #PARAMETERS} (names {@code ideal.*}), with their units, defaults and sources.
 *
 * @param maxPacketPayload the largest payload the interface puts in one packet, in bytes
 * @param outgoingPackets packets the interface holds for the backplane; a send waits while they
 *     are all taken (packets)
 */
public record IdealParameters(int maxPacketPayload, int outgoingPackets) {

  /** The declared parameters; their defaults are {@link #DEFAULTS}. */
  public static final ParameterSet<IdealParameters, Builder> PARAMETERS =
      ParameterSet.builder("ideal", "ideal network interface", IdealParameters.class,
              Builder::new, Builder::build)
          .add("max-packet-payload", ValueType.BYTES,
              "largest payload of one packet", MemoryGeometry.SHRIMP.pageSize(),
              Provenance.inferred("one page: a packet never crosses a page (design reference,"
                  + " section 3)"),
              IdealParameters::maxPacketPayload, Builder::maxPacketPayload)
          .add("outgoing-packets", ValueType.COUNT,
              "packets held while the backplane pushes back", 16,
              Provenance.uncertain("modelling choice: deep enough that a burst of small sends"
                  + " waits for the mesh, not for the interface"),
              IdealParameters::outgoingPackets, Builder::outgoingPackets)
          .build();

  /** Every parameter at its declared default. */
  public static final IdealParameters DEFAULTS = PARAMETERS.defaults();

  /** Checks both figures. */
  public IdealParameters {
    checkArgument(maxPacketPayload >= 4 && maxPacketPayload % 4 == 0
            && maxPacketPayload <= MemoryGeometry.SHRIMP.pageSize(),
        "maxPacketPayload must be a multiple of 4 bytes from 4 to %s (a page): %s",
        MemoryGeometry.SHRIMP.pageSize(), maxPacketPayload);
    checkArgument(outgoingPackets >= 1, "outgoingPackets must be at least 1: %s",
        outgoingPackets);
  }

  /** A builder holding these values, to derive changed parameters from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Sets the parameters one by one; {@link #build} checks them. */
  public static final class Builder {
    private int maxPacketPayload;
    private int outgoingPackets;

    private Builder() {}

    /** Sets the largest payload of one packet, in bytes. */
    public Builder maxPacketPayload(int bytes) {
      this.maxPacketPayload = bytes;
      return this;
    }

    /** Sets how many packets the interface holds for the backplane. */
    public Builder outgoingPackets(int packets) {
      this.outgoingPackets = packets;
      return this;
    }

    /** The parameters set so far. */
    public IdealParameters build() {
      return new IdealParameters(maxPacketPayload, outgoingPackets);
    }
  }
}
