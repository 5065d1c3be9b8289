package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PageNumber;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Access;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.hw.PageFaultException.Reason;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.hw.Translation;

class PageTableTest {
  private final PageTable table = new PageTable("process 2.1", MemoryGeometry.SHRIMP, 256);
  private final RecordingDevice nic = new RecordingDevice();

  private static MemoryFrame frame(long n) {
    return new MemoryFrame(new FrameNumber(n));
  }

  private static PageNumber page(long n) {
    return new PageNumber(n);
  }

  private static VirtualAddress va(long n) {
    return VirtualAddress.of(n);
  }

  @Test
  void memoryPageTranslatesToFramePlusOffset() {
    table.map(page(5), PageTableEntry.userReadWrite(frame(9)));
    Translation t = table.translate(va(0x5123), Access.WRITE, true);
    assertThat(t.physicalAddress()).isEqualTo(PhysicalAddress.of(0x9123));
    assertThat(t.offsetInPage()).isEqualTo(0x123);
    assertThat(t.entry()).isEqualTo(PageTableEntry.userReadWrite(frame(9)));
  }

  @Test
  void devicePageTranslatesToDeviceIndexAndOffset() {
    table.map(page(0x80), PageTableEntry.userReadWrite(new DevicePage(nic, 12)));
    Translation t = table.translate(va(0x80_010), Access.READ, true);
    assertThat(t.isDevice()).isTrue();
    assertThat(t.devicePage()).isEqualTo(new DevicePage(nic, 12));
    assertThat(t.offsetInPage()).isEqualTo(0x10);
  }

  @Test
  void unmappedPageFaultsNotMapped() {
    assertThatThrownBy(() -> table.translate(va(0x7004), Access.READ, true))
        .asInstanceOf(throwable(PageFaultException.class))
        .satisfies(f -> {
          assertThat(f.reason()).isEqualTo(Reason.NOT_MAPPED);
          assertThat(f.address()).isEqualTo(va(0x7004));
          assertThat(f.access()).isEqualTo(Access.READ);
        })
        .hasMessage("page fault: read of v:0x7004 in user mode: NOT_MAPPED"
            + " (page 7 has no mapping in process 2.1)");
  }

  @Test
  void pageNotPresentFaultsNotPresent() {
    table.map(page(3), PageTableEntry.userReadWrite(frame(1)).withPresent(false));
    assertThatThrownBy(() -> table.translate(va(0x3000), Access.READ, true))
        .asInstanceOf(throwable(PageFaultException.class))
        .returns(Reason.NOT_PRESENT, PageFaultException::reason)
        .hasMessage("page fault: read of v:0x3000 in user mode: NOT_PRESENT"
            + " (page 3 maps frame 1 but is not present in process 2.1)");
  }

  @Test
  void storeToReadOnlyPageFaultsWriteProtectedInEitherMode() {
    table.map(page(2), PageTableEntry.userReadOnly(frame(4)));
    assertThat(table.translate(va(0x2010), Access.READ, true).physicalAddress())
        .isEqualTo(PhysicalAddress.of(0x4010));
    assertThatThrownBy(() -> table.translate(va(0x2010), Access.WRITE, true))
        .asInstanceOf(throwable(PageFaultException.class))
        .returns(Reason.WRITE_PROTECTED, PageFaultException::reason)
        .hasMessage("page fault: write of v:0x2010 in user mode: WRITE_PROTECTED"
            + " (page 2 is read-only in process 2.1)");
    assertThatThrownBy(() -> table.translate(va(0x2010), Access.WRITE, false))
        .asInstanceOf(throwable(PageFaultException.class))
        .returns(Reason.WRITE_PROTECTED, PageFaultException::reason)
        .returns(false, PageFaultException::userMode);
  }

  @Test
  void userReferenceToSupervisorPageFaultsSupervisorOnly() {
    table.map(page(1), PageTableEntry.kernelReadWrite(frame(0)));
    assertThat(table.translate(va(0x1000), Access.WRITE, false).physicalAddress())
        .isEqualTo(PhysicalAddress.of(0));
    assertThatThrownBy(() -> table.translate(va(0x1ffc), Access.READ, true))
        .asInstanceOf(throwable(PageFaultException.class))
        .returns(Reason.SUPERVISOR_ONLY, PageFaultException::reason)
        .hasMessage("page fault: read of v:0x1ffc in user mode: SUPERVISOR_ONLY"
            + " (page 1 is for the supervisor only in process 2.1)");
  }

  @Test
  void mappingAMappedPageIsRefusedAndLeavesTheOldEntry() {
    table.map(page(4), PageTableEntry.userReadWrite(frame(1)));
    assertThatThrownBy(() -> table.map(page(4), PageTableEntry.userReadWrite(frame(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page 4 of process 2.1 is already mapped to PTE[frame 1 P RW U WB];"
            + " use remap to replace a mapping");
    assertThat(table.entry(page(4))).contains(PageTableEntry.userReadWrite(frame(1)));
  }

  @Test
  void remapReplacesAMappedPageAndReturnsTheOldEntry() {
    table.map(page(4), PageTableEntry.userReadWrite(frame(1)));
    PageTableEntry old = table.remap(page(4),
        PageTableEntry.userReadWrite(frame(1)).withWriteThrough(true));
    assertThat(old).isEqualTo(PageTableEntry.userReadWrite(frame(1)));
    assertThat(table.translate(va(0x4000), Access.WRITE, true).entry().writeThrough()).isTrue();
    assertThatThrownBy(() -> table.remap(page(5), PageTableEntry.userReadWrite(frame(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page 5 of process 2.1 is not mapped, so there is nothing to remap; use map");
  }

  @Test
  void unmapReturnsTheEntryAndLaterReferencesFault() {
    table.map(page(6), PageTableEntry.userReadWrite(frame(3)));
    assertThat(table.unmap(page(6))).isEqualTo(PageTableEntry.userReadWrite(frame(3)));
    assertThat(table.entry(page(6))).isEmpty();
    assertThatThrownBy(() -> table.translate(va(0x6000), Access.READ, true))
        .asInstanceOf(throwable(PageFaultException.class))
        .returns(Reason.NOT_MAPPED, PageFaultException::reason);
    assertThatThrownBy(() -> table.unmap(page(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page 6 of process 2.1 is not mapped, so it cannot be unmapped");
  }

  @Test
  void mappedPagesAreListedInOrder() {
    table.map(page(9), PageTableEntry.userReadWrite(frame(1)));
    table.map(page(2), PageTableEntry.userReadWrite(frame(2)));
    table.map(page(5), PageTableEntry.userReadWrite(new DevicePage(nic, 0)));
    assertThat(table.mappedPages()).containsExactly(page(2), page(5), page(9));
  }

  @Test
  void framesBeyondMemoryAndPagesBeyondTheAddressSpaceAreRefused() {
    assertThatThrownBy(() -> table.map(page(1), PageTableEntry.userReadWrite(frame(256))))
        .hasMessage("frame 256 is beyond physical memory of 256 frames");
    assertThatThrownBy(() -> table.map(page(0x10_0000), PageTableEntry.userReadWrite(frame(0))))
        .hasMessage("page 1048576 is beyond the last virtual page 1048575");
    assertThat(table.mappedPages()).isEmpty();
  }
}
