package org.vmmc.hardware.mesh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.net.Packet;

/**
 * The parameters of the mesh routing backplane: its size and the timing of its routers and
 * links, modelled on the Intel Paragon mesh routing chip (iMRC).
 *
 * <p>{@link #PARAGON} is the default preset; each default below says whether it is stated by
 * a source, inferred from one, or a modelling guess. Variants are built from it with {@link
 * #toBuilder()}, so the difference stays visible.
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
  /** Default flit size: 2 bytes (stated: the iMRC's channels are 16 bits wide). */
  public static final int DEFAULT_FLIT_BYTES = 2;
  /**
   * Default link cycle: 10 ns, so 200 MB/s per direction per link with 2-byte flits (inferred:
   * Paragon literature quotes 175 to 200 MB/s per direction; 200 MB/s is the raw rate, the
   * lower figure what remains after headers).
   */
  public static final SimDuration DEFAULT_LINK_CYCLE_TIME = SimDuration.ofNanos(10);
  /**
   * Default router delay: 3 link cycles (modelling guess: with the link delay it gives 40 ns
   * per hop, in the "tens of ns per hop" that sources give for the iMRC).
   */
  public static final int DEFAULT_ROUTER_DELAY_CYCLES = 3;
  /** Default link delay: 1 link cycle (modelling guess: short backplane wires). */
  public static final int DEFAULT_LINK_DELAY_CYCLES = 1;
  /** Default input buffer: 4 flits per input port (modelling guess: small iMRC FIFOs). */
  public static final int DEFAULT_INPUT_BUFFER_FLITS = 4;
  /** Default virtual channels per link: 1 (inferred: the Paragon routes X then Y without them). */
  public static final int DEFAULT_VIRTUAL_CHANNELS = 1;
  /** Default payload limit: one 4096-byte page (modelling choice, design reference, section 3). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = Packet.MAX_PAYLOAD_BYTES;
  /**
   * Default injection port: 1 packet (modelling guess: the network interface keeps its own
   * outgoing FIFO and hands the mesh one packet at a time).
   */
  public static final int DEFAULT_INJECTION_QUEUE_PACKETS = 1;

  /** The Paragon-style preset on the default 4 by 4 mesh. */
  public static final MeshParameters PARAGON = new MeshParameters(
      DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FLIT_BYTES, DEFAULT_LINK_CYCLE_TIME,
      DEFAULT_ROUTER_DELAY_CYCLES, DEFAULT_LINK_DELAY_CYCLES, DEFAULT_INPUT_BUFFER_FLITS,
      DEFAULT_VIRTUAL_CHANNELS, DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_INJECTION_QUEUE_PACKETS);

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
    return new Builder(this);
  }

  /** Builds a {@link MeshParameters} from a starting point, changing only what is set. */
  public static final class Builder {
    private int width;
    private int height;
    private int flitBytes;
    private SimDuration linkCycleTime;
    private int routerDelayCycles;
    private int linkDelayCycles;
    private int inputBufferFlits;
    private int virtualChannels;
    private int maxPayloadBytes;
    private int injectionQueuePackets;

    private Builder(MeshParameters p) {
      width = p.width;
      height = p.height;
      flitBytes = p.flitBytes;
      linkCycleTime = p.linkCycleTime;
      routerDelayCycles = p.routerDelayCycles;
      linkDelayCycles = p.linkDelayCycles;
      inputBufferFlits = p.inputBufferFlits;
      virtualChannels = p.virtualChannels;
      maxPayloadBytes = p.maxPayloadBytes;
      injectionQueuePackets = p.injectionQueuePackets;
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
