package org.vmmc.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;

class PacketTest {
  private static final NodeId A = NodeId.of(3);
  private static final NodeId B = NodeId.of(12);

  private static Packet packet(long address, int length) {
    return new Packet(A, B, PhysicalAddress.of(address), new byte[length],
        Set.of(PacketFlag.DELIBERATE_UPDATE));
  }

  @Test
  void packetEndingExactlyAtPageEndIsAccepted() {
    Packet p = packet(0x1000 + 4096 - 64, 64);
    assertThat(p.payloadLength()).isEqualTo(64);
    assertThat(p.wireBytes()).isEqualTo(Packet.HEADER_BYTES + 64);
    assertThat(packet(0x2000, 4096).payloadLength()).isEqualTo(4096);
  }

  @Test
  void packetCrossingPageBoundaryIsRejectedWithTheRoomLeft() {
    assertThatThrownBy(() -> packet(0x1000 + 4096 - 64, 68))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("packet of 68 bytes at p:0x1fc0 crosses a 4096-byte page boundary: "
            + "only 64 bytes fit before it");
  }

  @Test
  void emptyOrOversizedPayloadIsRejected() {
    assertThatThrownBy(() -> packet(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("packet payload must not be empty: 0 bytes");
    assertThatThrownBy(() -> packet(0, 4097))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("packet payload of 4097 bytes exceeds the limit of 4096 bytes");
  }

  @Test
  void nodeBeyondTheHeaderFieldIsRejected() {
    assertThatThrownBy(() -> new Packet(NodeId.of(65536), B, PhysicalAddress.of(0),
        new byte[4], Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source node 65536 exceeds the header's limit of node 65535");
  }

  @Test
  void payloadIsCopiedInAndOut() {
    byte[] data = {1, 2, 3, 4};
    Packet p = new Packet(A, B, PhysicalAddress.of(0x40), data, Set.of());
    data[0] = 9;
    assertThat(p.payload()).containsExactly(1, 2, 3, 4);
    p.payload()[1] = 9;
    assertThat(p.payload()).containsExactly(1, 2, 3, 4);
    ByteBuffer view = p.payloadView();
    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.get(3)).isEqualTo((byte) 4);
  }

  @Test
  void flagsAreCopiedAndEncodedAsBits() {
    EnumSet<PacketFlag> flags = EnumSet.of(PacketFlag.NOTIFY, PacketFlag.AUTOMATIC_UPDATE);
    Packet p = new Packet(A, B, PhysicalAddress.of(0), new byte[4], flags);
    flags.clear();
    assertThat(p.flags()).containsExactlyInAnyOrder(PacketFlag.NOTIFY,
        PacketFlag.AUTOMATIC_UPDATE);
    assertThat(p.has(PacketFlag.NOTIFY)).isTrue();
    assertThat(p.has(PacketFlag.DELIBERATE_UPDATE)).isFalse();
    assertThat(p.flagBits()).isEqualTo(0b011);
    assertThatThrownBy(() -> p.flags().add(PacketFlag.DELIBERATE_UPDATE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(PacketFlag.values().length).isLessThanOrEqualTo(Packet.FLAGS_BITS);
  }

  @Test
  void headerFollowsTheDocumentedLayout() {
    Packet p = new Packet(NodeId.of(0x0102), NodeId.of(0x0A0B), PhysicalAddress.of(0xCAFE_0010L),
        new byte[300], Set.of(PacketFlag.NOTIFY, PacketFlag.DELIBERATE_UPDATE), 77);
    assertThat(p.encodeHeader()).containsExactly(
        0x0A, 0x0B,                 // destination node
        0x01, 0x02,                 // source node
        0xCA, 0xFE, 0x00, 0x10,     // destination physical address
        0x01, 0x2C,                 // payload length 300
        0x00, 0b101);               // flags: NOTIFY | DELIBERATE_UPDATE
    assertThat(p.encodeHeader()).hasSize(Packet.HEADER_BYTES);
  }

  @Test
  void bytesToPageEndIsTheLargestPayloadAtAnAddress() {
    assertThat(Packet.bytesToPageEnd(PhysicalAddress.of(0x3000),
        org.vmmc.core.MemoryGeometry.SHRIMP)).isEqualTo(4096);
    assertThat(Packet.bytesToPageEnd(PhysicalAddress.of(0x3FFC),
        org.vmmc.core.MemoryGeometry.SHRIMP)).isEqualTo(4);
  }

  @Test
  void equalityComparesPayloadContents() {
    Packet p = packet(0x40, 8);
    assertThat(p).isEqualTo(packet(0x40, 8)).hasSameHashCodeAs(packet(0x40, 8));
    assertThat(p).isNotEqualTo(new Packet(A, B, PhysicalAddress.of(0x40),
        new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, Set.of(PacketFlag.DELIBERATE_UPDATE)));
    EqualsVerifier.forClass(Packet.class)
        .withPrefabValues(byte[].class, new byte[] {1}, new byte[] {2})
        .withPrefabValues(NodeId.class, NodeId.of(1), NodeId.of(2))
        .withPrefabValues(PhysicalAddress.class, PhysicalAddress.of(8), PhysicalAddress.of(16))
        .suppress(Warning.NULL_FIELDS)
        .verify();
  }
}
