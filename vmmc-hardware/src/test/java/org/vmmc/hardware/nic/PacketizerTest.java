package org.vmmc.hardware.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmmc.hardware.nic.SendRig.NODE;
import static org.vmmc.hardware.nic.SendRig.PEER;
import static org.vmmc.hardware.nic.SendRig.at;
import static org.vmmc.hardware.nic.SendRig.nanos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;

/** The shared packetizer: order, build time, back-pressure, room for engines, late data. */
class PacketizerTest {
  private static final SimDuration BUILD = nanos(100);

  private final SendRig rig = new SendRig();
  private final Packetizer packetizer =
      new Packetizer(rig.sim, rig.backplane, NODE, BUILD, 2, "test packetize");
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    rig.close();
  }

  private static Packet packet(int tag) {
    return new Packet(NODE, PEER, PhysicalAddress.of(4L * tag), new byte[] {(byte) tag, 0, 0, 0},
        Set.of(PacketFlag.DELIBERATE_UPDATE));
  }

  private Runnable note(String what) {
    return () -> log.add(what + " at " + rig.sim.now());
  }

  @Test
  void injectsInSubmissionOrderOneBuildTimeApart() {
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), note("1"));
      packetizer.submit(packet(2), note("2"));
      packetizer.submit(packet(3), note("3"));
    });
    rig.sim.run();

    assertThat(rig.backplane.packets()).containsExactly(packet(1), packet(2), packet(3));
    assertThat(rig.backplane.times()).containsExactly(at(BUILD), at(BUILD.times(2)),
        at(BUILD.times(3)));
    assertThat(log).containsExactly("1 at " + at(BUILD), "2 at " + at(BUILD.times(2)),
        "3 at " + at(BUILD.times(3)));
    assertThat(packetizer.isIdle()).isTrue();
  }

  @Test
  void aProcessThatRanAheadIsCaughtUpBeforeItsPacketJoinsTheQueue() {
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), note("1"));
      packetizer.submit(packet(2), note("2"));
    });
    // A kernel call computes for 1 µs on its own clock, then queues a drain marker while the
    // packetizer is still busy in global time: the marker is sent at the caller's time, after
    // the queue has emptied, not slipped in behind packet 2 a microsecond early.
    rig.sim.spawn(NODE, "kernel call", self -> {
      self.consume(nanos(1000));
      packetizer.submitControl(packet(3));
    });
    rig.sim.run();

    assertThat(rig.backplane.packets()).containsExactly(packet(1), packet(2), packet(3));
    assertThat(rig.backplane.times()).containsExactly(at(BUILD), at(BUILD.times(2)),
        at(nanos(1000).plus(BUILD)));
  }

  @Test
  void waitsWhileTheBackplanePushesBackAndRetriesWhenItHasRoom() {
    rig.backplane.close();
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), note("1"));
      packetizer.submit(packet(2), note("2"));
    });
    rig.sim.schedule(nanos(1000), rig.backplane::open);
    rig.sim.run();

    // The head was built at 100 ns and refused; it goes when the port opens, the next one a
    // build time later.
    assertThat(rig.backplane.refusals).isEqualTo(1);
    assertThat(rig.backplane.times()).containsExactly(at(nanos(1000)), at(nanos(1100)));
    assertThat(rig.backplane.packets()).containsExactly(packet(1), packet(2));
  }

  @Test
  void anEngineWaitingForRoomRunsOnceTheHeadIsInjected() {
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), note("1"));
      packetizer.submit(packet(2), note("2"));
      assertThat(packetizer.hasSpace()).isFalse();
      packetizer.whenSpace(note("room"));
      assertThat(log).isEmpty();
    });
    rig.sim.run();

    assertThat(log).containsExactly("1 at " + at(BUILD), "room at " + at(BUILD),
        "2 at " + at(BUILD.times(2)));
  }

  @Test
  void roomNowRunsTheWaiterAtOnce() {
    rig.sim.schedule(SimDuration.ZERO, () -> packetizer.whenSpace(note("room")));
    rig.sim.run();

    assertThat(log).containsExactly("room at " + SimTime.ZERO);
  }

  @Test
  void aPacketWhoseDataComesLaterHoldsThePacketsBehindIt() {
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), at(nanos(500)), note("late"));
      packetizer.submit(packet(2), note("ready"));
    });
    rig.sim.run();

    assertThat(log).containsExactly("late at " + at(nanos(600)), "ready at " + at(nanos(700)));
  }

  @Test
  void aControlPacketGoesBehindEverythingSubmittedBefore() {
    Packet marker = new Packet(NODE, PEER, PhysicalAddress.of(0), new byte[4],
        Set.of(PacketFlag.DRAIN_MARKER));
    rig.sim.schedule(SimDuration.ZERO, () -> {
      packetizer.submit(packet(1), note("1"));
      packetizer.submitControl(marker);
      assertThat(packetizer.isIdle()).isFalse();
    });
    rig.sim.run();

    assertThat(rig.backplane.packets()).containsExactly(packet(1), marker);
    assertThat(packetizer.isIdle()).isTrue();
  }

  @Test
  void refusesAFifoWithoutRoom() {
    assertThatThrownBy(() -> new Packetizer(rig.sim, rig.backplane, NODE, BUILD, 0, "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 packet, not 0");
  }
}
