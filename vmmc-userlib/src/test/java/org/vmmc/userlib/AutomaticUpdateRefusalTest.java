package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.PageNumber;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;

/**
 * The driver SPI refuses automatic update by default, naming the design and the feature; the
 * refusals a program meets are in the test kit's contract suite, on every design.
 */
class AutomaticUpdateRefusalTest {

  @Test
  void theDriverSpiRefusesByDefaultOnADesignWithoutAutomaticUpdate() {
    NicDriver driver = new DeliberateOnlyDriver();
    assertThatThrownBy(() -> driver.bindAutomaticUpdate(null, new PageNumber(1),
        new FrameNumber(1), null, 0, CombiningMode.TIMER_WRITE, false))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("AUTOMATIC_UPDATE").hasMessageContaining("du-only");
    assertThatThrownBy(() -> driver.unbindAutomaticUpdate(null, new PageNumber(1),
        new FrameNumber(1), () -> { }))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("unbindAutomaticUpdate needs AUTOMATIC_UPDATE");
  }

  /**
   * A stand-in interface with deliberate update only: its tables are not modelled, which is
   * all the refusal path needs.
   */
  static final class DeliberateOnlyDriver implements NicDriver {
    private static final NicDesign DESIGN = new NicDesign() {
      @Override
      public String name() {
        return "du-only";
      }

      @Override
      public Set<NicFeature> features() {
        return Set.of(NicFeature.USER_LEVEL_SEND);
      }
    };

    private record Mapping(RemoteBuffer buffer, VirtualAddress proxyAddress)
        implements ImportMapping {}

    @Override
    public NicDesign design() {
      return DESIGN;
    }

    @Override
    public void connect(NicInterrupts interrupts) {}

    @Override
    public void memoryMapped(AddressSpace space, PageNumber page, FrameNumber frame) {}

    @Override
    public void memoryUnmapped(AddressSpace space, PageNumber page, FrameNumber frame) {}

    @Override
    public void whenFrameQuiet(FrameNumber frame, Runnable whenQuiet) {
      whenQuiet.run();
    }

    @Override
    public void enableReceive(FrameNumber frame, boolean interrupts) {}

    @Override
    public void disableReceive(FrameNumber frame) {}

    @Override
    public ImportMapping mapImport(AddressSpace space, PageNumber firstProxyPage,
        RemoteBuffer buffer) {
      return new Mapping(buffer, VirtualAddress.of(VirtualLayout.PROXY_BASE));
    }

    @Override
    public int proxyPagesFor(RemoteBuffer buffer) {
      return 1;
    }

    @Override
    public void unmapImport(AddressSpace space, ImportMapping mapping, Runnable whenDrained) {
      whenDrained.run();
    }

    @Override
    public void contextSwitched() {}
  }
}
