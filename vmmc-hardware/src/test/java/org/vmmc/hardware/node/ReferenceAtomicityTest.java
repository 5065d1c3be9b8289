package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmmc.hardware.node.NodeRig.va;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.PageNumber;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.BusSnooper;
import org.vmmc.core.hw.BusWrite;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.sim.Signal;

/**
 * Every reference acts through the mapping that holds at the instant it takes effect: a page
 * unmapped or remapped while a store waits (at its synchronisation point, or stalled on the
 * memory bus) never receives it.
 */
class ReferenceAtomicityTest {
  private final NodeRig rig = new NodeRig();

  @AfterEach
  void close() {
    rig.close();
  }

  private int frameWord(long frame) {
    return rig.memory.readInt(PhysicalAddress.of(frame * NodeRig.PAGE));
  }

  @Test
  void aStoreThatRanAheadFaultsIfItsPageWasUnmappedBeforeItTookEffect() {
    rig.mapWriteBack(2, 20);
    rig.sim.schedule(SimDuration.ofMicros(3), () -> rig.space.unmap(new PageNumber(2)));
    List<String> seen = new ArrayList<>();
    rig.sim.spawn("writer", p -> {
      rig.cpu.compute(p, 500);
      try {
        rig.cpu.store(p, rig.space, va(0x2000), 7);
        seen.add("stored");
      } catch (PageFaultException e) {
        seen.add("fault");
      }
    });
    rig.sim.run();
    assertThat(seen).containsExactly("fault");
    assertThat(frameWord(20)).isZero();
  }

  @Test
  void aStoreStalledOnTheBusLandsWhereItsPageIsMappedWhenItGoes() {
    rig.mapWriteThrough(2, 20);
    Signal room = rig.sim.signal("snooper has room");
    boolean[] full = {true};
    rig.bus.subscribe(new BusSnooper() {
      @Override
      public Signal stall(BusWrite write) {
        return full[0] ? room : null;
      }

      @Override
      public void observe(BusWrite write) {}
    });
    rig.sim.schedule(SimDuration.ofMicros(2), () -> {
      // The page is freed and its frame given to someone else; the page now maps frame 21.
      rig.space.unmap(new PageNumber(2));
      rig.mapWriteBack(2, 21);
    });
    rig.sim.schedule(SimDuration.ofMicros(4), () -> {
      full[0] = false;
      room.signalAll();
    });
    rig.sim.spawn("writer", p -> rig.cpu.store(p, rig.space, va(0x2000), 9));
    rig.sim.run();
    assertThat(frameWord(20)).isZero();
    assertThat(frameWord(21)).isEqualTo(9);
  }
}
