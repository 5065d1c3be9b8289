package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vmmc.hardware.node.NodeRig.nanos;
import static org.vmmc.hardware.node.NodeRig.va;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.BusSnooper;
import org.vmmc.core.hw.BusWrite;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.sim.Signal;

class XpressBusTest {
  private final NodeRig rig = new NodeRig();
  private final List<BusWrite> seen = new ArrayList<>();

  @AfterEach
  void close() {
    rig.close();
  }

  private static PhysicalAddress pa(long value) {
    return PhysicalAddress.of(value);
  }

  @Test
  void snooperSeesExactlyTheWriteThroughStoresWithAddressValueAndTime() {
    rig.mapWriteBack(1, 10);
    rig.mapWriteThrough(2, 20);
    rig.bus.subscribe(seen::add);
    rig.sim.spawn("writer", p -> {
      rig.cpu.store(p, rig.space, va(0x1000), 11);   // cache only: ends at 20 ns
      rig.cpu.store(p, rig.space, va(0x2008), 22);   // on the bus at 40 ns, done at 90 ns
      rig.cpu.store(p, rig.space, va(0x1004), 33);   // cache only: ends at 110 ns
      rig.cpu.store(p, rig.space, va(0x200c), 44);   // on the bus at 130 ns, done at 180 ns
      assertThat(p.time()).isEqualTo(nanos(180));
    });
    rig.sim.run();
    assertThat(seen).containsExactly(
        new BusWrite(pa(20 * 4096 + 8), 22, 4, nanos(40)),
        new BusWrite(pa(20 * 4096 + 12), 44, 4, nanos(130)));
    assertThat(rig.bus.writes()).isEqualTo(2);
    assertThat(rig.sim.metrics().value(NodeId.of(0), MemoryBusCounter.WRITES)).isEqualTo(2);
    assertThat(rig.memory.readInt(pa(10 * 4096))).isEqualTo(11);
    assertThat(rig.memory.readInt(pa(10 * 4096 + 4))).isEqualTo(33);
    assertThat(rig.memory.readInt(pa(20 * 4096 + 8))).isEqualTo(22);
    assertThat(rig.memory.readInt(pa(20 * 4096 + 12))).isEqualTo(44);
  }

  @Test
  void partialWordsGoOutAsNarrowWritesWithinOneWord() {
    rig.mapWriteThrough(2, 20);
    rig.bus.subscribe(seen::add);
    rig.sim.spawn("writer", p -> {
      rig.cpu.storeByte(p, rig.space, va(0x2001), (byte) 0xAB);
      rig.cpu.write(p, rig.space, va(0x2006), new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
    });
    rig.sim.run();
    long base = 20 * 4096;
    assertThat(seen).extracting(BusWrite::address, BusWrite::value, BusWrite::size)
        .containsExactly(
            tuple(pa(base + 1), 0xAB, 1),
            tuple(pa(base + 6), 0x0201, 2),
            tuple(pa(base + 8), 0x0605_0403, 4));
    assertThat(rig.memory.readInt(pa(base + 4))).isEqualTo(0x0201_0000);
    assertThat(rig.memory.readInt(pa(base))).isEqualTo(0xAB00);
  }

  @Test
  void stallingSnooperHoldsTheCpuUntilItReleasesAndNothingReachesMemoryEarly() {
    rig.mapWriteThrough(2, 20);
    Signal released = rig.sim.signal("snooper has room");
    boolean[] blocked = {true};
    rig.bus.subscribe(new BusSnooper() {
      @Override
      public Signal stall(BusWrite write) {
        return blocked[0] ? released : null;
      }

      @Override
      public void observe(BusWrite write) {
        seen.add(write);
      }
    });
    List<Integer> memoryAt4Micros = new ArrayList<>();
    rig.sim.schedule(SimDuration.ofMicros(4), () ->
        memoryAt4Micros.add(rig.memory.readInt(pa(20 * 4096))));
    rig.sim.schedule(SimDuration.ofMicros(5), () -> {
      blocked[0] = false;
      released.signalAll();
    });
    SimTime[] end = new SimTime[1];
    rig.sim.spawn("writer", p -> {
      rig.cpu.store(p, rig.space, va(0x2000), 1);
      rig.cpu.store(p, rig.space, va(0x2004), 2);
      end[0] = p.time();
    });
    rig.sim.run();
    assertThat(memoryAt4Micros).containsExactly(0);
    assertThat(seen).containsExactly(
        new BusWrite(pa(20 * 4096), 1, 4, nanos(5_000)),
        new BusWrite(pa(20 * 4096 + 4), 2, 4, nanos(5_000 + 50 + 20)));
    assertThat(end[0]).isEqualTo(nanos(5_000 + 50 + 20 + 50));
    assertThat(rig.bus.stalls()).isEqualTo(1);
  }

  @Test
  void fullFifoStallsWritesButLosesAndReordersNone() {
    rig.mapWriteThrough(2, 20);
    FifoSnooper fifo = new FifoSnooper(2, SimDuration.ofMicros(1));
    rig.bus.subscribe(fifo);
    byte[] words = new byte[40];
    for (int i = 0; i < 10; i++) {
      words[4 * i] = (byte) (i + 1);
    }
    SimTime[] end = new SimTime[1];
    rig.sim.spawn("writer", p -> {
      rig.cpu.write(p, rig.space, va(0x2000), words, 0, words.length);
      end[0] = p.time();
    });
    rig.sim.run();
    assertThat(fifo.drained).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(rig.bus.writes()).isEqualTo(10);
    assertThat(rig.bus.stalls()).isPositive();
    // The tenth word needs room that only the eighth drain (at 8 µs) makes.
    assertThat(end[0]).isGreaterThan(nanos(8_000));
    for (int i = 0; i < 10; i++) {
      assertThat(rig.memory.readInt(pa(20 * 4096 + 4 * i))).isEqualTo(i + 1);
    }
  }

  @Test
  void writesBeyondMemoryAreRefused() {
    rig.sim.spawn("writer", p -> assertThatThrownBy(
        () -> rig.bus.write(p, pa(rig.memory.sizeBytes()), 1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bus write of 4 bytes at p:0x100000 reaches beyond physical memory of"
            + " 1048576 bytes"));
    rig.sim.run();
    assertThat(rig.bus.writes()).isZero();
  }

  /** A snooper with a bounded FIFO that drains one entry per period, like an outgoing FIFO. */
  private final class FifoSnooper implements BusSnooper {
    private final int capacity;
    private final SimDuration period;
    private final ArrayDeque<Integer> entries = new ArrayDeque<>();
    private final Signal room = rig.sim.signal("room in the FIFO");
    private boolean draining;
    final List<Integer> drained = new ArrayList<>();

    FifoSnooper(int capacity, SimDuration period) {
      this.capacity = capacity;
      this.period = period;
    }

    @Override
    public Signal stall(BusWrite write) {
      return entries.size() >= capacity ? room : null;
    }

    @Override
    public void observe(BusWrite write) {
      assertThat(entries.size()).isLessThan(capacity);
      entries.add(write.value());
      if (!draining) {
        draining = true;
        rig.sim.schedule(period, this::drainOne);
      }
    }

    private void drainOne() {
      drained.add(entries.poll());
      room.signalAll();
      if (entries.isEmpty()) {
        draining = false;
      } else {
        rig.sim.schedule(period, this::drainOne);
      }
    }
  }
}
