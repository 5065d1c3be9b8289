package org.vmmc.hardware.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.sim.Simulator;

class MeshBackplaneTest {
  private final Simulator sim = new Simulator(1);
  private final Backplane mesh = MeshBackplanes.create(sim, MeshParameters.PARAGON);
  private final List<Arrival> arrivals = new ArrayList<>();

  record Arrival(Packet packet, SimTime time) {}

  @AfterEach
  void close() {
    sim.close();
  }

  private void attachAll() {
    for (int n = 0; n < mesh.nodeCount(); n++) {
      mesh.attach(NodeId.of(n), recorder());
    }
  }

  private PacketReceiver recorder() {
    return p -> arrivals.add(new Arrival(p, sim.now()));
  }

  private static Packet packet(int from, int to, int bytes, long trace) {
    return new Packet(NodeId.of(from), NodeId.of(to), PhysicalAddress.of(0x4000), new byte[bytes],
        Set.of(PacketFlag.DELIBERATE_UPDATE), trace);
  }

  @Test
  void oneWordCornerToCornerArrivesAtTheZeroLoadLatency() {
    attachAll();
    assertThat(mesh.tryInject(packet(0, 15, 4, 1))).isTrue();
    sim.run();
    // 12 + 4 bytes = 8 flits; 6 links, 7 hops of (3 + 1) cycles = 28, + 7; 10 ns per cycle
    assertThat(arrivals).singleElement().extracting(Arrival::time)
        .isEqualTo(SimTime.ofPicos(350_000));
    assertThat(mesh.zeroLoadLatency(NodeId.of(0), NodeId.of(15), 4))
        .isEqualTo(SimDuration.ofNanos(350));
  }

  @Test
  void fullPageToANeighbourIsDominatedBySerialisation() {
    attachAll();
    mesh.tryInject(packet(5, 6, 4096, 1));
    sim.run();
    // (12 + 4096) / 2 = 2054 flits; 2 hops of 4 cycles, + 2053: 2061 cycles
    assertThat(arrivals.getFirst().time()).isEqualTo(SimTime.ofPicos(20_610_000));
    assertThat(mesh.zeroLoadLatency(NodeId.of(5), NodeId.of(6), 4096))
        .isEqualTo(SimDuration.ofNanos(20_610));
  }

  @Test
  void packetInjectedBetweenCycleBoundariesStartsAtTheNextOne() {
    attachAll();
    sim.schedule(SimDuration.ofNanos(1_003), () -> mesh.tryInject(packet(0, 15, 4, 1)));
    sim.run();
    assertThat(arrivals.getFirst().time()).isEqualTo(SimTime.ofPicos(1_010_000 + 350_000));
  }

  @Test
  void anIdleMeshSchedulesNoEvents() {
    attachAll();
    sim.schedule(SimDuration.ofMicros(50), () -> mesh.tryInject(packet(3, 12, 4, 1)));
    sim.run();
    assertThat(arrivals.getFirst().time()).isEqualTo(SimTime.ofPicos(50_000_000 + 350_000));
    // one event to inject, then at most one per cycle of the 35-cycle flight
    assertThat(sim.eventsDispatched()).isLessThanOrEqualTo(1 + 36);
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void refusedPacketIsHeldAndOfferedAgainInOrderAfterResume() {
    List<Long> refusedTraces = new ArrayList<>();
    boolean[] open = {false};
    for (int n = 0; n < mesh.nodeCount(); n++) {
      mesh.attach(NodeId.of(n), n == 9 ? p -> {
        if (!open[0]) {
          refusedTraces.add(p.traceId());
          return false;
        }
        arrivals.add(new Arrival(p, sim.now()));
        return true;
      } : recorder());
    }
    int count = 8;
    sim.schedule(SimDuration.ZERO, sender(mesh, 0, 9, 8, count));
    sim.schedule(SimDuration.ofMicros(3), () -> {
      assertThat(arrivals).isEmpty();
      open[0] = true;
      mesh.resumeEjection(NodeId.of(9));
    });
    sim.run();
    assertThat(refusedTraces).containsExactly(0L);
    assertThat(arrivals).extracting(a -> a.packet().traceId())
        .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
    assertThat(arrivals.getFirst().time()).isEqualTo(SimTime.ofPicos(3_000_000));
    assertThat(sim.metrics().value(MeshCounter.EJECTION_REFUSALS)).isEqualTo(1);
    // the held packet's path filled up and pushed back to the sender
    assertThat(sim.metrics().value(MeshCounter.INJECTION_REFUSALS)).isPositive();
  }

  /** A sender of {@code count} packets that retries whenever the injection port has room. */
  private Runnable sender(Backplane backplane, int from, int to, int bytes, int count) {
    long[] next = {0};
    Runnable[] send = new Runnable[1];
    send[0] = () -> {
      while (next[0] < count && backplane.tryInject(packet(from, to, bytes, next[0]))) {
        next[0]++;
      }
      if (next[0] < count) {
        backplane.onInjectionSpace(NodeId.of(from), send[0]);
      }
    };
    return send[0];
  }

  @Test
  void fullInjectionPortRefusesAndCallsBackWhenItHasRoom() {
    attachAll();
    List<SimTime> calls = new ArrayList<>();
    assertThat(mesh.tryInject(packet(1, 2, 4, 1))).isTrue();
    assertThat(mesh.tryInject(packet(1, 2, 4, 2))).isFalse();
    mesh.onInjectionSpace(NodeId.of(1), () -> calls.add(sim.now()));
    sim.run();
    // 8 flits enter the router in cycles 0..7; the port frees up at the end of cycle 7
    assertThat(calls).containsExactly(SimTime.ofPicos(70_000));
    assertThat(sim.metrics().value(MeshCounter.INJECTION_REFUSALS)).isEqualTo(1);

    mesh.onInjectionSpace(NodeId.of(1), () -> calls.add(sim.now()));
    sim.run();
    assertThat(calls).hasSize(2).last().isEqualTo(sim.now());
  }

  @Test
  void senderDrivenByInjectionSpaceDeliversEveryPacketInOrderBackToBack() {
    // 8-flit buffers cover the head's wait (3 + 1 + 1 cycles), so packets follow each other
    // with no gap and the last one arrives (count - 1) packet times after a lone one would.
    Backplane deep = MeshBackplanes.create(sim,
        MeshParameters.PARAGON.toBuilder().inputBufferFlits(8).build());
    for (int n = 0; n < deep.nodeCount(); n++) {
      deep.attach(NodeId.of(n), recorder());
    }
    int count = 40;
    sim.schedule(SimDuration.ZERO, sender(deep, 4, 11, 64, count));
    sim.run();
    assertThat(arrivals).extracting(a -> a.packet().traceId())
        .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
    // (12 + 64) / 2 = 38 flits per packet
    assertThat(arrivals.getLast().time())
        .isEqualTo(SimTime.ofPicos(10_000L * (38L * (count - 1)
            + MeshParameters.PARAGON.zeroLoadCycles(NodeId.of(4), NodeId.of(11), 38))));
    assertThat(sim.metrics().value(MeshCounter.PACKETS_DELIVERED)).isEqualTo(count);
    assertThat(sim.metrics().value(MeshCounter.FLITS_DELIVERED)).isEqualTo(38L * count);
    assertThat(sim.metrics().histogram("mesh.packet-latency").count()).isEqualTo(count);
  }

  @Test
  void receiverMayInjectAReplyWhileTakingAPacket() {
    for (int n = 0; n < mesh.nodeCount(); n++) {
      int self = n;
      mesh.attach(NodeId.of(n), p -> {
        arrivals.add(new Arrival(p, sim.now()));
        if (self == 15 && p.traceId() == 1) {
          assertThat(mesh.tryInject(packet(15, 0, 4, 2))).isTrue();
        }
        return true;
      });
    }
    mesh.tryInject(packet(0, 15, 4, 1));
    sim.run();
    assertThat(arrivals).extracting(Arrival::time)
        .containsExactly(SimTime.ofPicos(350_000), SimTime.ofPicos(700_000));
  }

  @Test
  void badInputIsRejectedWithClearMessages() {
    Backplane small = MeshBackplanes.create(sim,
        MeshParameters.paragon(2, 2).toBuilder().maxPayloadBytes(64).build());
    small.attach(NodeId.of(0), p -> true);
    small.attach(NodeId.of(1), p -> true);
    assertThatThrownBy(() -> small.tryInject(packet(0, 4, 4, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("destination node 4 is outside the 4-node mesh (2 x 2)");
    assertThatThrownBy(() -> small.tryInject(packet(0, 1, 100, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("packet payload of 100 bytes exceeds the mesh's limit of 64 bytes");
    assertThatThrownBy(() -> small.tryInject(packet(0, 3, 4, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("destination node 3 has no network interface attached");
    assertThatThrownBy(() -> small.tryInject(packet(2, 1, 4, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("source node 2 has no network interface attached");
    assertThatThrownBy(() -> small.attach(NodeId.of(1), p -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node 1 already has a network interface attached");
    assertThatThrownBy(() -> small.zeroLoadLatency(NodeId.of(0), NodeId.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payload must be 1 to 64 bytes: 0");
    assertThatThrownBy(() -> small.onInjectionSpace(NodeId.of(7), () -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node node 7 is outside the 4-node mesh (2 x 2)");
  }

  @Test
  void guiceModuleBindsOneMeshPerInjector() {
    MeshParameters eightByTwo = MeshParameters.paragon(8, 2);
    Injector injector = Guice.createInjector(
        binder -> binder.bind(Simulator.class).toInstance(sim), new MeshModule(eightByTwo));
    Backplane backplane = injector.getInstance(Backplane.class);
    assertThat(backplane.nodeCount()).isEqualTo(16);
    assertThat(injector.getInstance(Backplane.class)).isSameAs(backplane);
    assertThat(injector.getInstance(MeshParameters.class)).isEqualTo(eightByTwo);
    assertThat(Guice.createInjector(binder -> binder.bind(Simulator.class).toInstance(sim),
        new MeshModule()).getInstance(Backplane.class).nodeCount()).isEqualTo(16);
  }
}
