package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.VirtualAddress;

class TranslationTest {

  @Test
  void memoryTranslationFormsThePhysicalAddressFromFrameAndOffset() {
    Translation t = new Translation(VirtualAddress.of(0x5123),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(2))), 0x123,
        MemoryGeometry.SHRIMP);
    assertThat(t.isDevice()).isFalse();
    assertThat(t.physicalAddress()).isEqualTo(PhysicalAddress.of(0x2123));
    assertThatThrownBy(t::devicePage)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("v:0x5123 maps to frame 2, not to a device page");
  }

  @Test
  void deviceTranslationHasNoPhysicalAddress() {
    DevicePage page = new DevicePage(new TestDevice("nic"), 9);
    Translation t = new Translation(VirtualAddress.of(0x5010),
        PageTableEntry.userReadWrite(page), 0x10, MemoryGeometry.SHRIMP);
    assertThat(t.isDevice()).isTrue();
    assertThat(t.devicePage()).isEqualTo(page);
    assertThatThrownBy(t::physicalAddress)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("v:0x5010 maps to nic page 9, a device page, which has no physical memory"
            + " address");
  }

  @Test
  void offsetMustLieInThePage() {
    assertThatThrownBy(() -> new Translation(VirtualAddress.of(0),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(0))), 4096,
        MemoryGeometry.SHRIMP))
        .hasMessage("offset 4096 bytes is outside the 4096-byte page");
  }

  @Test
  void deviceRefusesCompareAndExchangeByDefaultNamingItself() {
    assertThatThrownBy(() -> new TestDevice("shrimp2-nic").compareAndExchange(1, 8, 0, 1, null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("device shrimp2-nic does not support compare-and-exchange (page 1, offset 8)");
  }

  @Test
  void pageFaultMessageNamesAddressAccessModeAndReason() {
    PageFaultException fault = new PageFaultException(VirtualAddress.of(0x2010), Access.WRITE,
        true, PageFaultException.Reason.WRITE_PROTECTED, "page 2 is read-only");
    assertThat(fault).hasMessage(
        "page fault: write of v:0x2010 in user mode: WRITE_PROTECTED (page 2 is read-only)");
    assertThat(fault.address()).isEqualTo(VirtualAddress.of(0x2010));
    assertThat(fault.access()).isEqualTo(Access.WRITE);
    assertThat(fault.userMode()).isTrue();
    assertThat(fault.reason()).isEqualTo(PageFaultException.Reason.WRITE_PROTECTED);
  }
}
