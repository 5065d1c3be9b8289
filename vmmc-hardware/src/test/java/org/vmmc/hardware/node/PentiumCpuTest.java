package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vmmc.hardware.node.NodeRig.nanos;
import static org.vmmc.hardware.node.NodeRig.va;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.CpuCounter;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.hw.PageFaultException.Reason;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.sim.ProcessBody;
import org.vmmc.hardware.node.RecordingDevice.Reference;

class PentiumCpuTest {
  private final NodeRig rig = new NodeRig();

  @AfterEach
  void close() {
    rig.close();
  }

  private void run(ProcessBody body) {
    rig.sim.spawn("user", body);
    rig.sim.run();
  }

  private static PhysicalAddress pa(long value) {
    return PhysicalAddress.of(value);
  }

  @Test
  void storeAndLoadCostTheirConfiguredCycles() {
    rig.mapWriteBack(1, 3);
    List<SimTime> times = new ArrayList<>();
    run(p -> {
      rig.cpu.store(p, rig.space, va(0x1000), 5);
      times.add(p.time());
      rig.cpu.load(p, rig.space, va(0x1000));
      times.add(p.time());
      rig.cpu.compute(p, 100);
      times.add(p.time());
    });
    assertThat(times).containsExactly(nanos(20), nanos(30), nanos(1_030));
    assertThat(rig.cpu.cycles(3)).isEqualTo(SimDuration.ofNanos(30));
  }

  @Test
  void processSeesItsOwnStores() {
    rig.mapWriteBack(1, 3);
    rig.mapWriteThrough(2, 4);
    byte[] text = "virtual memory-mapped communication".getBytes();
    byte[] back = new byte[text.length];
    int[] words = new int[2];
    byte[] oneByte = new byte[1];
    run(p -> {
      rig.cpu.store(p, rig.space, va(0x1ffc), 0xCAFE);
      rig.cpu.store(p, rig.space, va(0x2000), 0xBEEF);
      words[0] = rig.cpu.load(p, rig.space, va(0x1ffc));
      words[1] = rig.cpu.load(p, rig.space, va(0x2000));
      rig.cpu.write(p, rig.space, va(0x1ff0), text, 0, text.length); // spans both pages
      rig.cpu.read(p, rig.space, va(0x1ff0), back, 0, back.length);
      rig.cpu.storeByte(p, rig.space, va(0x1003), (byte) 0x7F);
      oneByte[0] = rig.cpu.loadByte(p, rig.space, va(0x1003));
    });
    assertThat(words).containsExactly(0xCAFE, 0xBEEF);
    assertThat(back).isEqualTo(text);
    assertThat(oneByte[0]).isEqualTo((byte) 0x7F);
    assertThat(rig.memory.readByte(pa(3 * 4096 + 3))).isEqualTo((byte) 0x7F);
  }

  @Test
  void runAheadNeverLetsAnotherEventSeeAStoreBeforeItsTime() {
    rig.mapWriteBack(1, 3);
    List<String> observed = new ArrayList<>();
    for (long at : new long[] {5_000, 10_019, 10_021}) {
      rig.sim.schedule(SimDuration.ofNanos(at),
          () -> observed.add(at + ":" + rig.memory.readInt(pa(3 * 4096))));
    }
    run(p -> {
      rig.cpu.compute(p, 1_000);                        // runs ahead to 10 µs
      rig.cpu.store(p, rig.space, va(0x1000), 42);      // takes effect at 10.02 µs
    });
    assertThat(observed).containsExactly("5000:0", "10019:0", "10021:42");
  }

  @Test
  void loadAfterRunningAheadSeesWhatHappenedMeanwhileButNothingLater() {
    rig.mapWriteBack(1, 3);
    rig.sim.schedule(SimDuration.ofMicros(5), () -> rig.memory.writeInt(pa(3 * 4096), 7));
    rig.sim.schedule(SimDuration.ofMicros(20), () -> rig.memory.writeInt(pa(3 * 4096), 8));
    int[] loaded = new int[1];
    run(p -> {
      rig.cpu.compute(p, 1_000);                            // to 10 µs, ahead of the 5 µs write
      loaded[0] = rig.cpu.load(p, rig.space, va(0x1000));   // at 10.01 µs
    });
    assertThat(loaded[0]).isEqualTo(7);
  }

  @Test
  void bulkWriteToWriteBackMemoryChargesEveryWordButSynchronisesOncePerPage() {
    rig.mapWriteBack(1, 3);
    rig.mapWriteBack(2, 4);
    byte[] twoPages = new byte[2 * NodeRig.PAGE];
    Arrays.fill(twoPages, (byte) 9);
    long[] events = new long[1];
    SimTime[] end = new SimTime[1];
    run(p -> {
      long before = rig.sim.eventsDispatched();
      rig.cpu.write(p, rig.space, va(0x1000), twoPages, 0, twoPages.length);
      events[0] = rig.sim.eventsDispatched() - before;
      end[0] = p.time();
    });
    assertThat(events[0]).isEqualTo(2);                  // one resume per page
    assertThat(end[0]).isEqualTo(nanos(2 * 1024 * 20));  // 2048 words at 2 cycles
    assertThat(rig.memory.readInt(pa(4 * 4096 + 4092))).isEqualTo(0x0909_0909);
  }

  @Test
  void unalignedBulkReferencesChargeEachWordTheyTouch() {
    rig.mapWriteBack(1, 3);
    SimTime[] times = new SimTime[2];
    run(p -> {
      rig.cpu.write(p, rig.space, va(0x1002), new byte[6], 0, 6);   // 2 words: 40 ns
      times[0] = p.time();
      rig.cpu.read(p, rig.space, va(0x1003), new byte[6], 0, 6);    // 3 words: 30 ns
      times[1] = p.time();
    });
    assertThat(times).containsExactly(nanos(40), nanos(70));
  }

  @Test
  void devicePageReferencesAreUncachedAndReachTheDevice() {
    RecordingDevice nic = new RecordingDevice();
    nic.loadValue = 0x51;
    nic.register = 5;
    rig.mapDevice(8, nic, 3);
    int[] results = new int[3];
    run(p -> {
      rig.cpu.store(p, rig.space, va(0x8010), 64);                          // 300 ns
      results[0] = rig.cpu.load(p, rig.space, va(0x8020));                  // 600 ns
      // A locked compare-and-exchange is a read and a write cycle: two uncached references.
      results[1] = rig.cpu.compareAndExchange(p, rig.space, va(0x8004), 5, 6); // 1200 ns
      results[2] = rig.cpu.compareAndExchange(p, rig.space, va(0x8004), 5, 7); // 1800 ns
    });
    assertThat(nic.log).containsExactly(
        new Reference("store", 3, 0x10, 64, nanos(300)),
        new Reference("load", 3, 0x20, 0, nanos(600)),
        new Reference("cmpxchg", 3, 4, 6, nanos(1_200)),
        new Reference("cmpxchg", 3, 4, 7, nanos(1_800)));
    assertThat(results).containsExactly(0x51, 5, 6);
    assertThat(rig.sim.metrics().value(NodeId.of(0), CpuCounter.DEVICE_REFERENCES)).isEqualTo(4);
    assertThat(rig.memory.backedFrameCount()).isZero();
  }

  @Test
  void bulkReferencesToADevicePageGoWordByWord() {
    RecordingDevice nic = new RecordingDevice();
    nic.loadValue = 0x0403_0201;
    rig.mapDevice(8, nic, 0);
    byte[] in = new byte[8];
    run(p -> {
      rig.cpu.write(p, rig.space, va(0x8000), new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, 0, 8);
      rig.cpu.read(p, rig.space, va(0x8008), in, 0, 8);
    });
    assertThat(nic.log).extracting(Reference::kind, Reference::offset, Reference::value)
        .containsExactly(
            tuple("store", 0, 1),
            tuple("store", 4, 2),
            tuple("load", 8, 0),
            tuple("load", 12, 0));
    assertThat(in).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
  }

  @Test
  void devicePagesRefuseByteAndUnalignedReferences() {
    rig.mapDevice(8, new RecordingDevice(), 0);
    List<Throwable> errors = new ArrayList<>();
    run(p -> {
      try {
        rig.cpu.storeByte(p, rig.space, va(0x8001), (byte) 1);
      } catch (IllegalArgumentException e) {
        errors.add(e);
      }
      try {
        rig.cpu.write(p, rig.space, va(0x8000), new byte[6], 0, 6);
      } catch (IllegalArgumentException e) {
        errors.add(e);
      }
    });
    assertThat(errors).extracting(Throwable::getMessage).containsExactly(
        "byte store at v:0x8001: device page test-nic page 0 takes word references only",
        "6 bytes at v:0x8000: device page test-nic page 0 takes whole aligned 4-byte words only");
  }

  @Test
  void compareAndExchangeOnMemorySwapsOnlyOnAMatch() {
    rig.mapWriteBack(1, 3);
    rig.memory.writeInt(pa(3 * 4096 + 8), 10);
    int[] old = new int[2];
    run(p -> {
      old[0] = rig.cpu.compareAndExchange(p, rig.space, va(0x1008), 99, 1);
      old[1] = rig.cpu.compareAndExchange(p, rig.space, va(0x1008), 10, 11);
    });
    assertThat(old).containsExactly(10, 10);
    assertThat(rig.memory.readInt(pa(3 * 4096 + 8))).isEqualTo(11);
  }

  @Test
  void faultingReferenceHasNoEffectCostsNothingAndIsCounted() {
    rig.space.map(new PageNumber(1), PageTableEntry.userReadOnly(
        new MemoryFrame(new FrameNumber(3))));
    List<PageFaultException> faults = new ArrayList<>();
    SimTime[] end = new SimTime[1];
    run(p -> {
      try {
        rig.cpu.store(p, rig.space, va(0x1000), 1);
      } catch (PageFaultException f) {
        faults.add(f);
      }
      try {
        rig.cpu.read(p, rig.space, va(0x1ffc), new byte[8], 0, 8);  // second page unmapped
      } catch (PageFaultException f) {
        faults.add(f);
      }
      end[0] = p.time();
    });
    assertThat(faults).extracting(PageFaultException::reason, PageFaultException::address)
        .containsExactly(
            tuple(Reason.WRITE_PROTECTED, va(0x1000)),
            tuple(Reason.NOT_MAPPED, va(0x2000)));
    assertThat(rig.memory.readInt(pa(3 * 4096))).isZero();
    assertThat(rig.memory.backedFrameCount()).isZero();
    assertThat(end[0]).isEqualTo(nanos(10));  // only the first page's word was read
    assertThat(rig.sim.metrics().value(NodeId.of(0), CpuCounter.PAGE_FAULTS)).isEqualTo(2);
  }

  @Test
  void wordReferencesMustBeAligned() {
    rig.mapWriteBack(1, 3);
    List<String> messages = new ArrayList<>();
    run(p -> {
      try {
        rig.cpu.store(p, rig.space, va(0x1002), 1);
      } catch (IllegalArgumentException e) {
        messages.add(e.getMessage());
      }
    });
    assertThat(messages).containsExactly(
        "word store address 0x1002 is not aligned to the 4-byte word");
  }

  @Test
  void compareAndExchangeOnWriteThroughMemoryIsRefused() {
    rig.mapWriteThrough(2, 4);
    run(p -> assertThatThrownBy(
        () -> rig.cpu.compareAndExchange(p, rig.space, va(0x2000), 0, 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("compare-and-exchange on write-through v:0x2000"));
  }
}
