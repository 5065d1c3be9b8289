package org.vmmc.hardware.mesh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.net.Packet;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The parameters of the mesh routing backplane: its size and the timing of its routers and
 * links, modelled on the Intel Paragon mesh routing chip (iMRC).
 *
 * <p>{@link #PARAGON} is the default preset; {@link #PARAMETERS} declares each default and
 * whether it is stated by a source, inferred from one, or a modelling guess. Variants are built
 * from it with {@link #toBuilder()}, so the difference stays visible.
 *
 * @param width routers along X (columns); node {@code x + y * width} sits at column x, row y
 * @param height routers along Y (rows)
 * @param flitBytes bytes carried by one flit, the unit of flow control and of a link cycle
 * @param linkCycleTime the time one flit takes to cross a link (the reciprocal of the link's
 *     flit rate)
 * @param routerDelayCycles link cycles a packet's head spends in each router (route decision
 *     and switch set-up) before it may leave
 * @param linkDelayCycles link cycles a flit spends on a wire between two routers (and on the
 *     ejection channel into the destination's interface)
 * @param inputBufferFlits flits each router input port can buffer
 * @param virtualChannels virtual channels per link; only 1 (the Paragon's) is modelled
 * @param maxPayloadBytes the largest packet payload the mesh accepts, in bytes
 * @param injectionQueuePackets packets a node's injection port holds, counting the one being
 *     streamed into the router
 */
public record MeshParameters(
    int width,
    int height,
    int flitBytes,
    SimDuration linkCycleTime,
    int routerDelayCycles,
    int linkDelayCycles,
    int inputBufferFlits,
    int virtualChannels,
    int maxPayloadBytes,
    int injectionQueuePackets) {

  /**
   * Default width, in routers: 4 (inferred: the 16-node SHRIMP machine that was built,
   * arranged as a 4 by 4 mesh).
   */
  public static final int DEFAULT_WIDTH = 4;
  /** Default height, in routers: 4 (inferred, as {@link #DEFAULT_WIDTH}). */
  public static final int DEFAULT_HEIGHT = 4;

  /**
   * The declared parameters ({@code mesh.*}) of the routers and links; the width and height
   * are not among them, since the machine's shape sets them (the defaults are {@link
   * #DEFAULT_WIDTH} by {@link #DEFAULT_HEIGHT}).
   */
  public static final ParameterSet<MeshParameters, Builder> PARAMETERS = ParameterSet.builder(
          "mesh", "mesh routing backplane", MeshParameters.class, Builder::new, Builder::build)
      .add("flit-bytes", ValueType.BYTES, "bytes per flit", 2,
          Provenance.stated("the iMRC's channels are 16 bits wide"),
          MeshParameters::flitBytes, Builder::flitBytes)
      .add("link-cycle-ns", ValueType.NANOSECONDS, "time one flit takes to cross a link",
          SimDuration.ofNanos(10),
          Provenance.inferred("200 MB/s per direction with 2-byte flits: Paragon literature"
              + " quotes 175 to 200 MB/s per direction, 200 MB/s the raw rate and the lower"
              + " figure what remains after headers"),
          MeshParameters::linkCycleTime, Builder::linkCycleTime)
      .add("router-delay-cycles", ValueType.INT_CYCLES,
          "link cycles a packet's head spends in each router", 3,
          Provenance.uncertain("modelling guess: with the link delay it gives 40 ns per hop, in"
              + " the tens of ns per hop that sources give for the iMRC"),
          MeshParameters::routerDelayCycles, Builder::routerDelayCycles)
      .add("link-delay-cycles", ValueType.INT_CYCLES, "link cycles a flit spends on a wire", 1,
          Provenance.uncertain("modelling guess: short backplane wires"),
          MeshParameters::linkDelayCycles, Builder::linkDelayCycles)
      .add("input-buffer-flits", ValueType.COUNT, "flits each router input port buffers", 4,
          Provenance.uncertain("modelling guess: small iMRC FIFOs"),
          MeshParameters::inputBufferFlits, Builder::inputBufferFlits)
      .add("virtual-channels", ValueType.COUNT, "virtual channels per link (only 1 is modelled)",
          1, Provenance.inferred("the Paragon routes X then Y without them"),
          MeshParameters::virtualChannels, Builder::virtualChannels)
      .add("max-payload-bytes", ValueType.BYTES, "largest packet payload the mesh accepts",
          Packet.MAX_PAYLOAD_BYTES,
          Provenance.uncertain("modelling choice, design reference section 3: one 4096-byte"
              + " page, since a packet never crosses a page"),
          MeshParameters::maxPayloadBytes, Builder::maxPayloadBytes)
      .add("injection-queue-packets", ValueType.COUNT, "packets a node's injection port holds",
          1, Provenance.uncertain("modelling guess: the network interface keeps its own"
              + " outgoing FIFO and hands the mesh one packet at a time"),
          MeshParameters::injectionQueuePackets, Builder::injectionQueuePackets)
      .undeclared((p, b) -> b.size(p.width, p.height), "width", "height")
      .build();

  /** The Paragon-style preset on the default 4 by 4 mesh: the declared defaults. */
  public static final MeshParameters PARAGON = PARAMETERS.defaults();

  /** Checks every parameter against its limit. */
  public MeshParameters {
    checkArgument(width >= 1, "mesh width must be at least 1 router: %s", width);
    checkArgument(height >= 1, "mesh height must be at least 1 router: %s", height);
    checkArgument((long) width * height <= Packet.MAX_NODE + 1L,
        "mesh of %s x %s routers exceeds the header's limit of %s nodes", width, height,
        Packet.MAX_NODE + 1);
    checkArgument(flitBytes >= 1, "flit size must be at least 1 byte: %s", flitBytes);
    requireNonNull(linkCycleTime, "linkCycleTime");
    checkArgument(!linkCycleTime.isZero(), "link cycle time must be positive: %s",
        linkCycleTime);
    // At least one cycle each, so a flit moved in a cycle can never move again in that cycle.
    checkArgument(routerDelayCycles >= 1, "router delay must be at least 1 cycle: %s",
        routerDelayCycles);
    checkArgument(linkDelayCycles >= 1, "link delay must be at least 1 cycle: %s",
        linkDelayCycles);
    checkArgument(inputBufferFlits >= 1, "input buffer must hold at least 1 flit: %s",
        inputBufferFlits);
    checkArgument(virtualChannels == 1,
        "only 1 virtual channel per link is modelled (as on the Paragon): %s", virtualChannels);
    checkArgument(maxPayloadBytes >= 1 && maxPayloadBytes <= Packet.MAX_PAYLOAD_BYTES,
        "max payload must be 1 to %s bytes: %s", Packet.MAX_PAYLOAD_BYTES, maxPayloadBytes);
    checkArgument(injectionQueuePackets >= 1,
        "injection port must hold at least 1 packet: %s", injectionQueuePackets);
  }

  /** The Paragon-style preset on a {@code width} by {@code height} mesh. */
  public static MeshParameters paragon(int width, int height) {
    return PARAGON.toBuilder().size(width, height).build();
  }

  /** The number of nodes (one per router). */
  public int nodeCount() {
    return width * height;
  }

  /** The link bandwidth per direction, in bytes per second. */
  public double linkBytesPerSecond() {
    return flitBytes / linkCycleTime.toSeconds();
  }

  /** The flits a packet with {@code payloadBytes} bytes of payload takes, header included. */
  public int flitsFor(int payloadBytes) {
    return Math.ceilDiv(Packet.HEADER_BYTES + payloadBytes, flitBytes);
  }

  /** The links between {@code from} and {@code to} on an X-then-Y route. */
  public int distance(NodeId from, NodeId to) {
    int a = from.value();
    int b = to.value();
    return Math.abs(a % width - b % width) + Math.abs(a / width - b / width);
  }

  /**
   * The zero-load latency in link cycles, from injection to tail arrival:
   * {@code (distance + 1) * (routerDelayCycles + linkDelayCycles) + flits - 1}. Every router on
   * the path, the source's and the destination's included, is one hop (route decision, then a
   * channel; the last channel is the ejection channel); the flits behind the head follow one
   * per cycle. That needs {@code inputBufferFlits >= linkDelayCycles + 2}, the credit round
   * trip; shallower buffers throttle the flits behind the head.
   */
  public long zeroLoadCycles(NodeId from, NodeId to, int flits) {
    checkArgument(flits >= 1, "a packet has at least 1 flit: %s", flits);
    return (long) (distance(from, to) + 1) * (routerDelayCycles + linkDelayCycles) + flits - 1;
  }

  /** A builder that starts from these parameters. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds a {@link MeshParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private int flitBytes;
    private SimDuration linkCycleTime;
    private int routerDelayCycles;
    private int linkDelayCycles;
    private int inputBufferFlits;
    private int virtualChannels;
    private int maxPayloadBytes;
    private int injectionQueuePackets;

    private Builder() {}

    /** Sets the routers along X. */
    public Builder width(int width) {
      this.width = width;
      return this;
    }

    /** Sets the routers along Y. */
    public Builder height(int height) {
      this.height = height;
      return this;
    }

    /** Sets the mesh to {@code width} by {@code height} routers. */
    public Builder size(int width, int height) {
      this.width = width;
      this.height = height;
      return this;
    }

    /** Sets the flit size, in bytes. */
    public Builder flitBytes(int flitBytes) {
      this.flitBytes = flitBytes;
      return this;
    }

    /** Sets the link cycle time. */
    public Builder linkCycleTime(SimDuration linkCycleTime) {
      this.linkCycleTime = linkCycleTime;
      return this;
    }

    /** Sets the router delay, in link cycles. */
    public Builder routerDelayCycles(int routerDelayCycles) {
      this.routerDelayCycles = routerDelayCycles;
      return this;
    }

    /** Sets the link delay, in link cycles. */
    public Builder linkDelayCycles(int linkDelayCycles) {
      this.linkDelayCycles = linkDelayCycles;
      return this;
    }

    /** Sets the input buffer depth, in flits. */
    public Builder inputBufferFlits(int inputBufferFlits) {
      this.inputBufferFlits = inputBufferFlits;
      return this;
    }

    /** Sets the virtual channels per link. */
    public Builder virtualChannels(int virtualChannels) {
      this.virtualChannels = virtualChannels;
      return this;
    }

    /** Sets the payload limit, in bytes. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** Sets the injection port's capacity, in packets. */
    public Builder injectionQueuePackets(int injectionQueuePackets) {
      this.injectionQueuePackets = injectionQueuePackets;
      return this;
    }

    /** The parameters, checked. */
    public MeshParameters build() {
      return new MeshParameters(width, height, flitBytes, linkCycleTime, routerDelayCycles,
          linkDelayCycles, inputBufferFlits, virtualChannels, maxPayloadBytes,
          injectionQueuePackets);
    }
  }
}
