package org.vmmc.core.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;

class PageTableEntryTest {
  private static final MemoryFrame FRAME = new MemoryFrame(new FrameNumber(7));
  private static final DevicePage PROXY = new DevicePage(new TestDevice("nic"), 3);

  @Test
  void presetsSetTheFlagsTheirNamesSay() {
    assertThat(PageTableEntry.userReadWrite(FRAME))
        .isEqualTo(new PageTableEntry(FRAME, true, true, true, false));
    assertThat(PageTableEntry.userReadOnly(FRAME))
        .isEqualTo(new PageTableEntry(FRAME, true, false, true, false));
    assertThat(PageTableEntry.kernelReadWrite(FRAME))
        .isEqualTo(new PageTableEntry(FRAME, true, true, false, false));
  }

  @Test
  void withHelpersChangeOnlyTheirOwnField() {
    PageTableEntry base = PageTableEntry.userReadWrite(FRAME);
    assertThat(base.withPresent(false))
        .isEqualTo(new PageTableEntry(FRAME, false, true, true, false));
    assertThat(base.withWritable(false))
        .isEqualTo(new PageTableEntry(FRAME, true, false, true, false));
    assertThat(base.withUser(false))
        .isEqualTo(new PageTableEntry(FRAME, true, true, false, false));
    assertThat(base.withWriteThrough(true))
        .isEqualTo(new PageTableEntry(FRAME, true, true, true, true));
    assertThat(base.withTarget(PROXY))
        .isEqualTo(new PageTableEntry(PROXY, true, true, true, false));
  }

  @Test
  void writeThroughIsRefusedForDevicePages() {
    assertThatThrownBy(() -> new PageTableEntry(PROXY, true, true, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write-through applies to memory frames only")
        .hasMessageContaining("nic page 3");
  }

  @Test
  void devicePageIndexMustNotBeNegative() {
    assertThatThrownBy(() -> new DevicePage(new TestDevice("nic"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void toStringShowsTargetAndFlags() {
    assertThat(PageTableEntry.userReadOnly(FRAME).withWriteThrough(true))
        .hasToString("PTE[frame 7 P RO U WT]");
  }
}
