package org.vmmc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryGeometryTest {
  private final MemoryGeometry shrimp = MemoryGeometry.SHRIMP;

  @Test
  void shrimpHas4KilobytePagesAnd4ByteWords() {
    assertThat(shrimp.pageSize()).isEqualTo(4096);
    assertThat(shrimp.wordSize()).isEqualTo(4);
  }

  @Test
  void pagesAndFrames() {
    assertThat(shrimp.pageOf(VirtualAddress.of(0x3FFF))).isEqualTo(new PageNumber(3));
    assertThat(shrimp.pageOf(VirtualAddress.of(0x4000))).isEqualTo(new PageNumber(4));
    assertThat(shrimp.frameOf(PhysicalAddress.of(0x2001))).isEqualTo(new FrameNumber(2));
    assertThat(shrimp.baseOf(new PageNumber(3))).isEqualTo(VirtualAddress.of(0x3000));
    assertThat(shrimp.baseOf(new FrameNumber(2))).isEqualTo(PhysicalAddress.of(0x2000));
    assertThat(shrimp.offsetInPage(0x3ABC)).isEqualTo(0xABC);
  }

  @Test
  void pagesBeyondTheAddressSpaceAreRefusedRatherThanWrapped() {
    assertThatThrownBy(() -> shrimp.baseOf(new PageNumber(1L << 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("virtual address 0x100000000 is outside 0..0xffffffff");
    // 2^52 pages of 4 KB would wrap a long to address zero.
    assertThatThrownBy(() -> shrimp.baseOf(new PageNumber(1L << 52)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> shrimp.baseOf(new FrameNumber(1L << 52)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void alignment() {
    assertThat(shrimp.isWordAligned(8)).isTrue();
    assertThat(shrimp.isWordAligned(6)).isFalse();
    assertThat(shrimp.isPageAligned(0x2000)).isTrue();
    assertThat(shrimp.isPageAligned(0x2004)).isFalse();
    shrimp.requireWordAligned(0x1004, "buffer start");
    shrimp.requirePageAligned(0x1000, "region start");
  }

  @Test
  void misalignedAddressesAreRefusedNamingValueAndUnit() {
    assertThatThrownBy(() -> shrimp.requireWordAligned(0x1002, "buffer start"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buffer start 0x1002 is not aligned to the 4-byte word");
    assertThatThrownBy(() -> shrimp.requirePageAligned(0x1004, "AU region"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AU region 0x1004 is not aligned to the 4096-byte page");
  }

  @Test
  void pagesSpanned() {
    assertThat(shrimp.pagesSpanned(0, 4096)).isEqualTo(1);
    assertThat(shrimp.pagesSpanned(0, 4097)).isEqualTo(2);
    assertThat(shrimp.pagesSpanned(4092, 8)).isEqualTo(2);
    assertThat(shrimp.pagesSpanned(4095, 1)).isEqualTo(1);
    assertThatThrownBy(() -> shrimp.pagesSpanned(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must be positive: 0 bytes");
    assertThatThrownBy(() -> shrimp.pagesSpanned(-4, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("address must not be negative: -4");
  }

  @Test
  void badGeometriesAreRefused() {
    assertThatThrownBy(() -> new MemoryGeometry(3000, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page size must be a power of two: 3000 bytes");
    assertThatThrownBy(() -> new MemoryGeometry(4096, 3))
        .hasMessage("word size must be a power of two: 3 bytes");
    assertThatThrownBy(() -> new MemoryGeometry(4, 8))
        .hasMessage("word size 8 bytes exceeds page size 4 bytes");
    assertThatThrownBy(() -> new MemoryGeometry(0, 4))
        .hasMessage("page size must be a power of two: 0 bytes");
  }
}
