package org.vmmc.hardware.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vmmc.hardware.nic.SendRig.NODE;
import static org.vmmc.hardware.nic.SendRig.PEER;
import static org.vmmc.hardware.nic.SendRig.at;
import static org.vmmc.hardware.nic.SendRig.nanos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.core.stats.Counter;

/**
 * The shared outgoing DMA engine: a transfer read over EISA in packets of at most the payload
 * limit, its timing, the queue, local completion, and the waits of a revocation and of a frame
 * being freed.
 */
class OutgoingDmaEngineTest {
  private static final SimDuration START = nanos(120);
  private static final SimDuration BUILD = nanos(180);
  private static final int MAX_PAYLOAD = 1024;
  private static final PhysicalAddress SOURCE = PhysicalAddress.of(5 * 4096 + 16);
  private static final PhysicalAddress DESTINATION = PhysicalAddress.of(9 * 4096 + 32);

  private final SendRig rig = new SendRig();
  private final Counter packetsSent = rig.sim.metrics().counter(NODE, NicCounter.PACKETS_SENT);
  private final Counter bytesSent = rig.sim.metrics().counter(NODE, NicCounter.BYTES_SENT);
  private final Packetizer packetizer =
      new Packetizer(rig.sim, rig.backplane, NODE, BUILD, 2, "test packetize");
  private final OutgoingDmaEngine engine = new OutgoingDmaEngine(rig.sim, NODE, rig.eisa,
      rig.memory, packetizer, START, 1, MAX_PAYLOAD, packetsSent, bytesSent, "test engine",
      "test dma start", "test dma read");
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    rig.close();
  }

  private static byte[] pattern(int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 7 + 3);
    }
    return data;
  }

  private void startAtZero(int length, boolean notify, int entry) {
    rig.sim.schedule(SimDuration.ZERO,
        () -> engine.start(SOURCE, PEER, DESTINATION, length, notify, entry));
  }

  private Runnable note(String what) {
    return () -> log.add(what + " at " + rig.sim.now());
  }

  @Test
  void readsATransferInPacketsOfThePayloadLimitWithTheNotificationOnTheLast() {
    byte[] data = pattern(2500);
    rig.memory.write(SOURCE, data, 0, data.length);
    startAtZero(2500, true, 3);
    rig.sim.run();

    List<Packet> packets = rig.backplane.packets();
    assertThat(packets).extracting(Packet::payloadLength).containsExactly(1024, 1024, 452);
    assertThat(packets).extracting(Packet::destinationAddress).containsExactly(DESTINATION,
        DESTINATION.plus(1024), DESTINATION.plus(2048));
    assertThat(packets).allSatisfy(p -> {
      assertThat(p.source()).isEqualTo(NODE);
      assertThat(p.destination()).isEqualTo(PEER);
      assertThat(p.has(PacketFlag.DELIBERATE_UPDATE)).isTrue();
    });
    assertThat(packets).extracting(p -> p.has(PacketFlag.NOTIFY))
        .containsExactly(false, false, true);
    byte[] carried = new byte[2500];
    int at = 0;
    for (Packet p : packets) {
      System.arraycopy(p.payload(), 0, carried, at, p.payloadLength());
      at += p.payloadLength();
    }
    assertThat(carried).isEqualTo(data);
    assertThat(packetsSent.value()).isEqualTo(3);
    assertThat(bytesSent.value()).isEqualTo(2500);
  }

  @Test
  void aPacketLeavesAfterTheStartDelayTheBusReadAndTheBuild() {
    List<TraceRecord> trace = new ArrayList<>();
    rig.sim.setTracer(trace::add);
    startAtZero(64, false, 0);
    rig.sim.run();

    SimTime read = at(START.plus(rig.eisa.transferTime(64)));
    assertThat(rig.backplane.times()).containsExactly(read.plus(BUILD));
    // Each stage of the way is traced as the engine's node's, under the design's texts.
    Optional<NodeId> node = Optional.of(NODE);
    assertThat(trace).filteredOn(r -> r.stage() != Stage.OTHER)
        .extracting(TraceRecord::picos, TraceRecord::stage, TraceRecord::node, TraceRecord::what)
        .containsExactly(tuple(START.picos(), Stage.NIC_LOGIC, node, "test dma start"),
            tuple(read.picos(), Stage.IO_BUS_DMA, node, "test dma read"),
            tuple(read.plus(BUILD).picos(), Stage.NIC_LOGIC, node, "test packetize"));
  }

  @Test
  void theNextPacketIsReadWhileThePreviousOneIsBuilt() {
    startAtZero(2048, false, 0);
    rig.sim.run();

    SimDuration chunk = rig.eisa.transferTime(MAX_PAYLOAD);
    SimTime first = at(START.plus(chunk));
    SimTime second = first.plus(chunk);
    assertThat(rig.backplane.times()).containsExactly(first.plus(BUILD), second.plus(BUILD));
  }

  @Test
  void holdsOneTransferBesidesTheOneInProgressAndCompletesThemInOrder() {
    List<Long> tickets = new ArrayList<>();
    rig.sim.schedule(SimDuration.ZERO, () -> {
      assertThat(engine.nextTicket()).isZero();
      tickets.add(engine.start(SOURCE, PEER, DESTINATION, 8, false, 0));
      assertThat(engine.isFull()).isFalse();
      tickets.add(engine.start(SOURCE, PEER, DESTINATION, 8, false, 0));
      assertThat(engine.isFull()).isTrue();
      assertThat(engine.isComplete(0)).isFalse();
    });
    rig.sim.run();

    assertThat(tickets).containsExactly(0L, 1L);
    assertThat(engine.isComplete(1)).isTrue();
    assertThat(engine.isComplete(2)).isFalse();
    assertThat(engine.completedCount()).isEqualTo(2);
    assertThat(engine.isFull()).isFalse();
  }

  @Test
  void aStartWhileFullIsABugOfTheStartLogic() {
    rig.sim.schedule(SimDuration.ZERO, () -> {
      engine.start(SOURCE, PEER, DESTINATION, 8, false, 0);
      engine.start(SOURCE, PEER, DESTINATION, 8, false, 0);
      assertThatThrownBy(() -> engine.start(SOURCE, PEER, DESTINATION, 8, false, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("full (2 transfers)");
    });
    rig.sim.run();
  }

  @Test
  void progressIsSignalledAtLocalCompletionBeforeTheNetworkTakesThePacket() {
    rig.backplane.close();
    rig.sim.spawn("sender", p -> {
      long ticket = engine.start(SOURCE, PEER, DESTINATION, 16, false, 0);
      p.awaitUntil(engine.progress(), () -> engine.isComplete(ticket));
      log.add("complete at " + p.time());
    });
    rig.sim.schedule(nanos(50_000), rig.backplane::open);
    rig.sim.run();

    assertThat(log).containsExactly(
        "complete at " + at(START.plus(rig.eisa.transferTime(16))));
    assertThat(rig.backplane.times()).containsExactly(at(nanos(50_000)));
  }

  @Test
  void aDrainWaitsForTheLastPacketOfEveryTransferThroughItsEntries() {
    rig.backplane.close();
    startAtZero(1500, false, 4);
    rig.sim.schedule(nanos(1), () -> {
      engine.start(SOURCE, PEER, DESTINATION, 8, false, 6);
      engine.whenDrained(List.of(4, 5), note("4 and 5 drained"));
      engine.whenDrained(List.of(5), note("5 drained"));
      engine.whenDrained(List.of(6), note("6 drained"));
    });
    rig.sim.schedule(nanos(200_000), rig.backplane::open);
    rig.sim.run();

    // Entry 4's transfer is two packets, which fill the packetizer and are injected at 200 and
    // 200.18 µs; entry 6's is read only once the first of them has made room.
    SimTime sixth = at(nanos(200_000)).plus(rig.eisa.transferTime(8)).plus(BUILD);
    assertThat(log).containsExactly("5 drained at " + at(nanos(1)),
        "4 and 5 drained at " + at(nanos(200_180)), "6 drained at " + sixth);
  }

  @Test
  void aFrameIsQuietOnceTheLastTransferReadingItHasBeenRead() {
    FrameNumber source = rig.memory.geometry().frameOf(SOURCE);
    FrameNumber other = new FrameNumber(source.value() + 1);
    rig.sim.schedule(SimDuration.ZERO, () -> {
      engine.start(SOURCE, PEER, DESTINATION, 64, false, 0);
      engine.start(SOURCE.plus(64), PEER, DESTINATION, 64, false, 0);
      engine.whenSourceQuiet(other, note("other quiet"));
      engine.whenSourceQuiet(source, note("source quiet"));
    });
    rig.sim.run();

    SimDuration read = rig.eisa.transferTime(64);
    assertThat(log).containsExactly("other quiet at " + SimTime.ZERO,
        "source quiet at " + at(START.plus(read).plus(START).plus(read)));
  }

  @Test
  void refusesANegativeQueueAndAnEmptyPacket() {
    assertThatThrownBy(() -> new OutgoingDmaEngine(rig.sim, NODE, rig.eisa, rig.memory,
        packetizer, START, -1, MAX_PAYLOAD, packetsSent, bytesSent, "e", "s", "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue depth must not be negative: -1 transfers");
    assertThatThrownBy(() -> new OutgoingDmaEngine(rig.sim, NODE, rig.eisa, rig.memory,
        packetizer, START, 1, 0, packetsSent, bytesSent, "e", "s", "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 byte in a packet, not 0");
  }
}
