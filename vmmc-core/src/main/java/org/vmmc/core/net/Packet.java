package org.vmmc.core.net;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;

/**
 * One packet on the backplane: a header naming where the data goes, and the data.
 *
 * <p>Header layout on the wire (big-endian); the header travels ahead of the payload and its
 * bytes count towards the packet's flits:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |       Destination Node        |          Source Node          |
 *  +-------------------------------+-------------------------------+
 *  |                 Destination Physical Address                  |
 *  +-------------------------------+-------------------------------+
 *  |        Payload Length         |             Flags             |
 *  +-------------------------------+-------------------------------+
 *  |                          Payload                             ...
 *  ...                                                             |
 *  +---------------------------------------------------------------+
 * </pre>
 * The destination node comes first because routers decide on it as the head arrives. The
 * field widths are a modelling guess (the SHRIMP sources do not give the header format); what
 * matters to timing is {@link #HEADER_BYTES}. The trace id is simulation bookkeeping and is
 * not on the wire.
 *
 * <p>A packet never crosses a page boundary of its destination (a modelling choice, design
 * reference section 3): its payload fits in the {@link MemoryGeometry#SHRIMP} page that holds
 * {@code destinationAddress}. The payload array is copied in and never handed out.
 *
 * @param source the node whose network interface sent the packet
 * @param destination the node whose network interface receives it
 * @param destinationAddress the physical address on {@code destination} of the first byte
 * @param payload the data, 1 to {@link #MAX_PAYLOAD_BYTES} bytes
 * @param flags what the receiver should do besides storing the data
 * @param traceId a number for tracing this packet, chosen by the sender (not on the wire)
 */
public record Packet(
    NodeId source,
    NodeId destination,
    PhysicalAddress destinationAddress,
    byte[] payload,
    Set<PacketFlag> flags,
    long traceId) {

  /** Offset of the destination node field, in bytes from the start of the header. */
  public static final int DESTINATION_NODE_OFFSET = 0;
  /** Offset of the source node field, in bytes. */
  public static final int SOURCE_NODE_OFFSET = 2;
  /** Offset of the destination physical address field, in bytes. */
  public static final int DESTINATION_ADDRESS_OFFSET = 4;
  /** Offset of the payload length field, in bytes. */
  public static final int PAYLOAD_LENGTH_OFFSET = 8;
  /** Offset of the flags field, in bytes. */
  public static final int FLAGS_OFFSET = 10;
  /** Size of the header, in bytes. */
  public static final int HEADER_BYTES = 12;
  /** Width of the flags field, in bits: the most {@link PacketFlag} constants there can be. */
  public static final int FLAGS_BITS = 16;
  /** The highest node number a 16-bit node field can name. */
  public static final int MAX_NODE = 0xFFFF;
  /** The largest payload, in bytes: one SHRIMP page, since a packet never crosses a page. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** Checks the payload length, the page rule and the node numbers, and copies the payload. */
  public Packet {
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(destinationAddress, "destinationAddress");
    requireNonNull(payload, "payload");
    requireNonNull(flags, "flags");
    checkArgument(source.value() <= MAX_NODE,
        "source %s exceeds the header's limit of node %s", source, MAX_NODE);
    checkArgument(destination.value() <= MAX_NODE,
        "destination %s exceeds the header's limit of node %s", destination, MAX_NODE);
    checkArgument(payload.length > 0, "packet payload must not be empty: 0 bytes");
    checkArgument(payload.length <= MAX_PAYLOAD_BYTES,
        "packet payload of %s bytes exceeds the limit of %s bytes", payload.length,
        MAX_PAYLOAD_BYTES);
    int room = bytesToPageEnd(destinationAddress, MemoryGeometry.SHRIMP);
    // Not checkArgument: its four arguments would be boxed for every packet.
    if (payload.length > room) {
      throw new IllegalArgumentException(lenientFormat(
          "packet of %s bytes at %s crosses a %s-byte page boundary: only %s bytes fit before it",
          payload.length, destinationAddress, MemoryGeometry.SHRIMP.pageSize(), room));
    }
    payload = payload.clone();
    EnumSet<PacketFlag> copy = EnumSet.noneOf(PacketFlag.class);
    copy.addAll(flags);
    flags = Collections.unmodifiableSet(copy);
  }

  /** A packet with no trace id (zero). */
  public Packet(NodeId source, NodeId destination, PhysicalAddress destinationAddress,
      byte[] payload, Set<PacketFlag> flags) {
    this(source, destination, destinationAddress, payload, flags, 0);
  }

  /**
   * The number of bytes from {@code address} to the end of its page under {@code geometry}:
   * the largest payload a packet to {@code address} may carry (before {@link
   * #MAX_PAYLOAD_BYTES}).
   */
  public static int bytesToPageEnd(PhysicalAddress address, MemoryGeometry geometry) {
    return geometry.pageSize() - geometry.offsetInPage(address.value());
  }

  /** A copy of the payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** A read-only view of the payload, without copying. */
  public ByteBuffer payloadView() {
    return ByteBuffer.wrap(payload).asReadOnlyBuffer();
  }

  /** The payload length, in bytes. */
  public int payloadLength() {
    return payload.length;
  }

  /** The packet's size on the wire, header included, in bytes. */
  public int wireBytes() {
    return HEADER_BYTES + payload.length;
  }

  /** True when {@code flag} is set. */
  public boolean has(PacketFlag flag) {
    return flags.contains(flag);
  }

  /** The flags field as it goes on the wire. */
  public int flagBits() {
    int bits = 0;
    for (PacketFlag f : flags) {
      bits |= f.bit();
    }
    return bits;
  }

  /** The header as it goes on the wire, {@link #HEADER_BYTES} bytes in the layout above. */
  public byte[] encodeHeader() {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.putShort(DESTINATION_NODE_OFFSET, (short) destination.value());
    header.putShort(SOURCE_NODE_OFFSET, (short) source.value());
    header.putInt(DESTINATION_ADDRESS_OFFSET, (int) destinationAddress.value());
    header.putShort(PAYLOAD_LENGTH_OFFSET, (short) payload.length);
    header.putShort(FLAGS_OFFSET, (short) flagBits());
    return header.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Packet p
        && traceId == p.traceId
        && source.equals(p.source)
        && destination.equals(p.destination)
        && destinationAddress.equals(p.destinationAddress)
        && Arrays.equals(payload, p.payload)
        && flags.equals(p.flags);
  }

  @Override
  public int hashCode() {
    int h = source.hashCode();
    h = 31 * h + destination.hashCode();
    h = 31 * h + destinationAddress.hashCode();
    h = 31 * h + Arrays.hashCode(payload);
    h = 31 * h + flags.hashCode();
    return 31 * h + Long.hashCode(traceId);
  }

  @Override
  public String toString() {
    return "Packet[" + source + " -> " + destination + " " + destinationAddress + ", "
        + payload.length + " bytes, flags=" + flags + ", trace=" + traceId + "]";
  }
}
