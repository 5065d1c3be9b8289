package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.kernel.KernelCounter;

/** Bindings the library or the kernel refuse, with nothing bound afterwards. */
class AutomaticUpdateRefusalTest {
  private static final BufferId INBOX = BufferId.of(1);

  /** What a sender tries with a region of three pages and an import of the receiver's buffer. */
  private interface Attempt {
    void run(VmmcProcess p, UserMemory region, ImportedBuffer inbox);
  }

  /**
   * Runs {@code attempt} in a sender on node 1 against a buffer of {@code length} bytes at
   * {@code offset} of a receiver's two pages on node 0; returns what it threw. Afterwards the
   * sender stores to every page of its region, and none of it may leave the node.
   */
  private static Throwable refusal(int offset, int length, Attempt attempt) {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(31).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * 4096);
        p.vmmc().export(inbox, offset, length, INBOX, ImportPolicy.anyone(), null);
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory region = p.allocate(3 * 4096);
        try {
          attempt.run(p, region, inbox);
        } catch (RuntimeException e) {
          errors.add(e);
        }
        for (int page = 0; page < 3; page++) {
          region.putInt(page * 4096, page + 1);
        }
      });
      mc.run();
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isZero();
      assertThat(mc.inspector().counter(NodeId.of(1), MemoryBusCounter.WRITES)).isZero();
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isZero();
    }
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private static Throwable refusal(Attempt attempt) {
    return refusal(0, 2 * 4096, attempt);
  }

  @Test
  void aRegionThatDoesNotStartOnAPageIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(4, 4096), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("automatic-update region 0x10000004 is not aligned to the"
            + " 4096-byte page");
  }

  @Test
  void aRegionThatIsNotWholePagesIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 100), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region of 100 bytes is not a whole number of 4096-byte pages");
  }

  @Test
  void aDestinationOffsetOffAPageIsRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 4096), inbox, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destination offset 64 is not a non-negative multiple of the"
            + " 4096-byte page");
  }

  @Test
  void pagesPastTheEndOfTheImportedBufferAreRefused() {
    assertThat(refusal((p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 2 * 4096), inbox, 4096)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8192 bytes at offset 4096 reach past the end of the 8192-byte"
            + " imported buffer");
  }

  @Test
  void aPagePartlyOutsideTheBufferIsRefused() {
    assertThat(refusal(0, 6000, (p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 2 * 4096), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reach past the end of the 6000-byte imported buffer");
  }

  @Test
  void aBufferThatDoesNotStartOnAPageIsRefused() {
    assertThat(refusal(64, 4096, (p, region, inbox) ->
        p.vmmc().bindAutomaticUpdate(region.slice(0, 4096), inbox, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts 64 bytes into a page of its exporter");
  }

  @Test
  void disableIsNotAWayToBind() {
    assertThat(refusal((p, region, inbox) -> p.vmmc().bindAutomaticUpdate(
        region.slice(0, 4096), inbox, 0, CombiningMode.DISABLE, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("combining mode DISABLE turns automatic update off");
  }

  @Test
  void anImportThatWasUndoneIsRevoked() {
    assertThat(refusal((p, region, inbox) -> {
      p.vmmc().unimport(inbox);
      p.vmmc().bindAutomaticUpdate(region.slice(0, 4096), inbox, 0);
    })).isInstanceOfSatisfying(VmmcException.class,
        e -> assertThat(e.reason()).isEqualTo(VmmcException.Reason.REVOKED));
  }

  @Test
  void aPageIsBoundOnlyOnce() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(32).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(2 * 4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory region = p.allocate(2 * 4096);
        p.vmmc().bindAutomaticUpdate(region.slice(4096, 4096), inbox, 0);
        try {
          p.vmmc().bindAutomaticUpdate(region, inbox, 0);
        } catch (IllegalStateException e) {
          errors.add(e);
        }
        try {
          p.free(region);
        } catch (IllegalStateException e) {
          errors.add(e);
        }
        region.putInt(0, 1);
      });
      mc.run();
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isEqualTo(1);
      assertThat(mc.inspector().counter(NodeId.of(1), Shrimp2Counter.AU_WORDS)).isZero();
    }
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).hasMessageContaining("overlap pages already bound");
    assertThat(errors.get(1)).hasMessageContaining("close that binding first");
  }

  @Test
  void anotherProcessesImportCannotBeBound() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(33).build()) {
      ImportedBuffer[] stolen = new ImportedBuffer[1];
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("importer", p -> {
        stolen[0] = p.vmmc().importBuffer(rx.id(), INBOX);
        p.sleep(SimDuration.ofMillis(2));
      });
      mc.node(1).spawn("thief", p -> {
        p.sleep(SimDuration.ofMillis(1));
        try {
          p.vmmc().bindAutomaticUpdate(p.allocate(4096), stolen[0], 0);
        } catch (IllegalArgumentException e) {
          errors.add(e);
        }
      });
      mc.run();
    }
    assertThat(errors).singleElement().satisfies(
        e -> assertThat(e).hasMessageContaining("was imported by"));
  }

  @Test
  void aDesignWithoutAutomaticUpdateRefusesTheBindingNamingItself() {
    List<Throwable> errors = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module()).mesh(2, 1).seed(34)
        .overrideNodes(new AbstractModule() {
          @Override
          protected void configure() {
            bind(NicDriver.class).to(DeliberateOnlyDriver.class);
          }
        }).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(4096), INBOX, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(3));
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer inbox = p.vmmc().importBuffer(rx.id(), INBOX);
        try {
          p.vmmc().bindAutomaticUpdate(p.allocate(4096), inbox, 0);
        } catch (UnsupportedOperationException e) {
          errors.add(e);
        }
      });
      mc.run();
      assertThat(mc.inspector().counter(NodeId.of(1), KernelCounter.AU_BINDINGS)).isZero();
    }
    assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage(
        "bindAutomaticUpdate needs AUTOMATIC_UPDATE, which the du-only network interface"
            + " lacks"));
  }

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
