package org.vmmc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressAndIdTest {

  @Test
  void virtualAddressesSpanThe32BitSpace() {
    assertThat(VirtualAddress.of(0).value()).isZero();
    assertThat(VirtualAddress.of(VirtualAddress.MAX).value()).isEqualTo(0xFFFF_FFFFL);
    assertThat(VirtualAddress.of(0x1000).plus(4)).isEqualTo(VirtualAddress.of(0x1004));
    assertThat(VirtualAddress.of(0x1000)).hasToString("v:0x1000");
    assertThat(VirtualAddress.of(4).compareTo(VirtualAddress.of(8))).isNegative();
  }

  @Test
  void virtualAddressesOutsideTheSpaceAreRefusedNamingValueAndLimit() {
    assertThatThrownBy(() -> VirtualAddress.of(0x1_0000_0000L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("virtual address 0x100000000 is outside 0..0xffffffff");
    assertThatThrownBy(() -> VirtualAddress.of(-1))
        .hasMessageContaining("virtual address 0xffffffffffffffff is outside 0..0xffffffff");
    assertThatThrownBy(() -> VirtualAddress.of(VirtualAddress.MAX).plus(1))
        .hasMessage("virtual address 0x100000000 is outside 0..0xffffffff");
  }

  @Test
  void physicalAddresses() {
    assertThat(PhysicalAddress.of(0x2000).plus(0x10)).isEqualTo(PhysicalAddress.of(0x2010));
    assertThat(PhysicalAddress.of(0x2000)).hasToString("p:0x2000");
    assertThat(PhysicalAddress.of(1).compareTo(PhysicalAddress.of(0))).isPositive();
    assertThatThrownBy(() -> PhysicalAddress.of(PhysicalAddress.MAX + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("physical address 0x100000000 is outside 0..0xffffffff");
    assertThatThrownBy(() -> PhysicalAddress.of(0).plus(-4))
        .hasMessageContaining("is outside 0..0xffffffff");
  }

  @Test
  void pageAndFrameNumbers() {
    assertThat(new PageNumber(3).plus(2)).isEqualTo(new PageNumber(5));
    assertThat(new FrameNumber(3).plus(2)).isEqualTo(new FrameNumber(5));
    assertThat(new PageNumber(3)).hasToString("page 3");
    assertThat(new FrameNumber(7)).hasToString("frame 7");
    assertThat(new PageNumber(1).compareTo(new PageNumber(2))).isNegative();
    assertThat(new FrameNumber(2).compareTo(new FrameNumber(1))).isPositive();
    assertThatThrownBy(() -> new PageNumber(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page number must not be negative: -1");
    assertThatThrownBy(() -> new FrameNumber(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame number must not be negative: -2");
    assertThatThrownBy(() -> new FrameNumber(0).plus(-1))
        .hasMessage("frame number must not be negative: -1");
  }

  @Test
  void nodeAndProcessIds() {
    assertThat(NodeId.of(5)).hasToString("node 5");
    assertThat(ProcessId.of(5, 2)).hasToString("process 5.2");
    assertThat(ProcessId.of(5, 2).node()).isEqualTo(NodeId.of(5));
    assertThat(NodeId.of(1).compareTo(NodeId.of(2))).isNegative();
    // Processes order by node first, then by process number.
    assertThat(ProcessId.of(1, 9).compareTo(ProcessId.of(2, 0))).isNegative();
    assertThat(ProcessId.of(2, 1).compareTo(ProcessId.of(2, 0))).isPositive();
    assertThat(ProcessId.of(2, 1).compareTo(ProcessId.of(2, 1))).isZero();
  }

  @Test
  void negativeIdsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> NodeId.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node id must not be negative: -1");
    assertThatThrownBy(() -> ProcessId.of(0, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("process number must not be negative: -3");
    assertThatThrownBy(() -> ProcessId.of(-4, 0))
        .hasMessage("node id must not be negative: -4");
    assertThatThrownBy(() -> new ProcessId(null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("node");
  }
}
