package org.vmmc.bench.vmmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.compare.MachineConfig;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.sim.SimulationDeadlockException;
import org.vmmc.core.sim.Stage;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * The flag poll when the flag lands between a poll's check and the reading that
 * {@code awaitChange} takes one load later, which a check-then-wait loop misses.
 */
class FlagPollTest {
  private static final MachineConfig CONFIG = MachineConfig.defaults().withMesh(2, 1);
  private static final CpuParameters CPU = CONFIG.hardware().cpu();
  private static final SimDuration LOAD = CPU.cycles(CPU.cachedLoadCycles());
  private static final BufferId INBOX = BufferId.of(7);

  /** A way to wait for the flag word at offset 0 to hold 1. */
  private interface Poll {
    void await(VmmcProcess p, UserMemory inbox);
  }

  /** When the flag landed, and when the receiver saw it (null if it never did). */
  private record Outcome(SimTime landed, SimTime seen) {}

  /**
   * Node 0 sends one deliberate-update word holding 1 to node 1, whose receiver starts
   * {@code poll} at {@code pollFrom} (at once when null).
   */
  private static Outcome run(SimTime pollFrom, Poll poll) {
    SimTime[] landed = new SimTime[1];
    SimTime[] seen = new SimTime[1];
    try (Multicomputer mc = CONFIG.build(new Shrimp2Module())) {
      mc.trace(record -> {
        if (record.stage() == Stage.IO_BUS_DMA && record.node().equals(Optional.of(NodeId.of(1)))) {
          landed[0] = SimTime.ofPicos(record.picos());
        }
      });
      VmmcProcess receiver = mc.node(1).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        if (pollFrom != null) {
          p.sleep(pollFrom.since(p.now()));
        }
        poll.await(p, inbox);
        seen[0] = p.now();
      });
      mc.node(0).spawn("sender", p -> {
        UserMemory outbox = p.allocate(4096);
        ImportedBuffer there = importWhenReady(p, receiver);
        outbox.putInt(0, 1);
        p.vmmc().send(outbox, 0, there, 0, 4);
      });
      mc.run();
    }
    return new Outcome(landed[0], seen[0]);
  }

  private static ImportedBuffer importWhenReady(VmmcProcess p, VmmcProcess exporter) {
    while (true) {
      try {
        return p.vmmc().importBuffer(exporter.id(), INBOX);
      } catch (VmmcException e) {
        p.sleep(SimDuration.ofMicros(100));
      }
    }
  }

  /** A start such that the check's load ends half a load before the flag lands. */
  private static SimTime raceStart() {
    SimTime landed = run(null, (p, inbox) -> Measurements.awaitFlag(p, inbox, 0, 1)).landed();
    return SimTime.ofPicos(landed.picos() - LOAD.picos() - LOAD.picos() / 2);
  }

  @Test
  void aCheckThenAPlainWaitMissesAFlagThatLandsBetweenThem() {
    SimTime start = raceStart();

    assertThatThrownBy(() -> run(start, (p, inbox) -> {
      while (inbox.getInt(0) != 1) {
        p.awaitChange(inbox, 0, 4);
      }
    })).isInstanceOf(SimulationDeadlockException.class).hasMessageContaining("receiver");
  }

  @Test
  void theFlagPollSeesAFlagThatLandsBetweenItsCheckAndItsWaitAsThePollLoopWould() {
    SimTime start = raceStart();

    Outcome o = run(start, (p, inbox) -> Measurements.awaitFlag(p, inbox, 0, 1));

    assertWithinOneIterationAndAMiss(o);
  }

  @Test
  void theFlagPollSeesAFlagThatLandsWhileItWaitsAsThePollLoopWould() {
    assertWithinOneIterationAndAMiss(
        run(null, (p, inbox) -> Measurements.awaitFlag(p, inbox, 0, 1)));
  }

  /** The end of the iteration in progress, then the missing load that sees the flag. */
  private static void assertWithinOneIterationAndAMiss(Outcome o) {
    SimDuration iteration = CPU.cycles(CONFIG.get(MachineConfig.LIBRARY).pollIterationCycles());
    SimDuration miss = CPU.cycles(CONFIG.get(MachineConfig.LIBRARY).pollMissCycles());
    assertThat(o.seen()).isNotNull();
    SimDuration late = o.seen().since(o.landed());
    assertThat(late).isGreaterThan(miss).isLessThanOrEqualTo(iteration.plus(miss));
  }
}
