package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimTime;

class BusWriteTest {

  @Test
  void acceptsWordsAndNarrowWritesWithinAWord() {
    assertThat(new BusWrite(PhysicalAddress.of(0x100), 0xDEADBEEF, 4, SimTime.ZERO).size())
        .isEqualTo(4);
    assertThat(new BusWrite(PhysicalAddress.of(0x103), 0xAB, 1, SimTime.ZERO).value())
        .isEqualTo(0xAB);
    assertThat(new BusWrite(PhysicalAddress.of(0x101), 0xABCDEF, 3, SimTime.ZERO).size())
        .isEqualTo(3);
  }

  @Test
  void sizeMustBeOneToFourBytes() {
    assertThatThrownBy(() -> new BusWrite(PhysicalAddress.of(0), 0, 0, SimTime.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bus write size must be 1 to 4 bytes: 0");
    assertThatThrownBy(() -> new BusWrite(PhysicalAddress.of(0), 0, 5, SimTime.ZERO))
        .hasMessage("bus write size must be 1 to 4 bytes: 5");
  }

  @Test
  void writeMustNotCrossAWordBoundary() {
    assertThatThrownBy(() -> new BusWrite(PhysicalAddress.of(0x102), 0x1234_56, 3, SimTime.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bus write of 3 bytes at p:0x102 crosses a 4-byte word boundary");
  }

  @Test
  void dataBeyondTheSizeIsRefused() {
    assertThatThrownBy(() -> new BusWrite(PhysicalAddress.of(0), 0x1FF, 1, SimTime.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bus write value 0x1ff has data beyond its 1 bytes");
  }
}
