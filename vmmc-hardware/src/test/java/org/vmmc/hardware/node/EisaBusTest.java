package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.IoBusCounter;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

class EisaBusTest {
  /** 1 µs setup, 10 MB/s (100 ns a byte), bursts of 100 bytes with 2 µs between them. */
  private static final IoBusParameters PARAMS = new IoBusParameters(
      SimDuration.ofMicros(1), 10_000_000L, 100, SimDuration.ofMicros(2));

  private final Simulator sim = new Simulator(3);
  private final EisaBus bus = new EisaBus(sim, NodeId.of(4), PARAMS);

  @AfterEach
  void close() {
    sim.close();
  }

  private static SimTime micros(long n) {
    return SimTime.after(SimDuration.ofMicros(n));
  }

  @Test
  void transferTakesSetupPlusBytesAtTheBurstRatePlusGaps() {
    assertThat(bus.transferTime(100)).isEqualTo(SimDuration.ofMicros(1 + 10));
    assertThat(bus.transferTime(250)).isEqualTo(SimDuration.ofMicros(1 + 25 + 2 * 2));
    assertThat(bus.reserve(100)).isEqualTo(micros(11));
  }

  @Test
  void concurrentTransfersShareTheBusFirstComeFirstServed() {
    List<String> done = new ArrayList<>();
    for (String engine : new String[] {"incoming", "outgoing"}) {
      sim.schedule(SimDuration.ofMicros(3), () -> {
        SimTime end = bus.reserve(100);
        sim.scheduleAt(end, TracePoint.of(Stage.IO_BUS_DMA, NodeId.of(4), engine),
            () -> done.add(engine + "@" + sim.now()));
      });
    }
    sim.schedule(SimDuration.ofMicros(40), () -> {
      SimTime end = bus.reserve(100);  // bus idle again: starts now, not earlier
      sim.scheduleAt(end, TracePoint.of(Stage.IO_BUS_DMA, NodeId.of(4), "late"),
          () -> done.add("late@" + sim.now()));
    });
    sim.run();
    assertThat(done).containsExactly(
        "incoming@" + micros(3 + 11), "outgoing@" + micros(3 + 22), "late@" + micros(40 + 11));
    assertThat(bus.transfers()).isEqualTo(3);
    assertThat(bus.bytesTransferred()).isEqualTo(300);
    assertThat(sim.metrics().value(NodeId.of(4), IoBusCounter.TRANSFERS)).isEqualTo(3);
    assertThat(sim.metrics().value(NodeId.of(4), IoBusCounter.BYTES)).isEqualTo(300);
  }

  @Test
  void reservationCanWaitForAnEarliestStart() {
    assertThat(bus.reserve(micros(20), 100)).isEqualTo(micros(31));
    // Queued behind the first even though it could start earlier.
    assertThat(bus.reserve(micros(5), 100)).isEqualTo(micros(42));
    assertThat(bus.freeAt()).isEqualTo(micros(42));
  }

  @Test
  void processThatRanAheadReservesAtItsOwnTime() {
    SimTime[] ends = new SimTime[2];
    sim.spawn("driver", p -> {
      p.consume(SimDuration.ofMicros(5));
      ends[0] = bus.reserve(100);
      bus.transfer(p, 100);
      ends[1] = p.time();
    });
    sim.run();
    assertThat(ends).containsExactly(micros(16), micros(27));
  }

  @Test
  void emptyTransfersAreRefused() {
    assertThatThrownBy(() -> bus.reserve(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DMA transfer must move at least one byte: 0 bytes");
    assertThat(bus.transfers()).isZero();
  }
}
