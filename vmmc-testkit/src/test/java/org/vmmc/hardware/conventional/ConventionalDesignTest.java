package org.vmmc.hardware.conventional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/** What the conventional design does differently, and its calibration against Paragon NX. */
class ConventionalDesignTest {
  private static final BufferId PING = BufferId.of(1);
  private static final BufferId PONG = BufferId.of(2);
  private static final int ROUNDS = 10;

  @Test
  void aFourByteMessageTakesAboutFiftyMicrosecondsOneWay() {
    assertThat(oneWayLatency().toMicros()).isCloseTo(50.0, within(5.0));
  }

  @Test
  void everyArrivalInterruptsTheReceiversKernelAndEverySendTraps() {
    RunResult result = pingPong(new SimTime[2]);
    // Besides the messages, each kernel takes the other's drain marker (at exit) and the
    // acknowledgement of its own.
    NodeId n0 = NodeId.of(0);
    NodeId n1 = NodeId.of(1);
    long markers = result.counter(n0, NicCounter.DRAIN_MARKERS)
        + result.counter(n1, NicCounter.DRAIN_MARKERS);
    assertThat(result.counter(n0, ConventionalCounter.ARRIVAL_INTERRUPTS))
        .isEqualTo(ROUNDS + markers);
    assertThat(result.counter(n1, ConventionalCounter.ARRIVAL_INTERRUPTS))
        .isEqualTo(ROUNDS + markers);
    assertThat(result.counter(NodeId.of(0), SystemCall.SEND)).isEqualTo(ROUNDS);
    assertThat(result.counter(NodeId.of(1), SystemCall.SEND)).isEqualTo(ROUNDS);
  }

  private static SimDuration oneWayLatency() {
    SimTime[] window = new SimTime[2];
    pingPong(window);
    return SimDuration.ofPicos(window[1].since(window[0]).picos() / (2L * ROUNDS));
  }

  /** Ping-pongs a 4-byte round number between nodes 0 and 1; records the first and last time. */
  private static RunResult pingPong(SimTime[] window) {
    try (Multicomputer mc = Multicomputer.builder().design(new ConventionalModule()).mesh(2, 1)
        .seed(1).build()) {
      VmmcProcess[] procs = new VmmcProcess[2];
      procs[1] = mc.node(1).spawn("pong", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, PONG, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(2));
        ImportedBuffer back = p.vmmc().importBuffer(procs[0].id(), PING);
        for (int r = 1; r <= ROUNDS; r++) {
          awaitRound(p, inbox, r);
          inbox.putInt(4, r);
          p.vmmc().send(inbox, 4, back, 0, 4);
        }
      });
      procs[0] = mc.node(0).spawn("ping", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, PING, ImportPolicy.anyone());
        p.sleep(SimDuration.ofMillis(2));
        ImportedBuffer there = p.vmmc().importBuffer(procs[1].id(), PONG);
        p.sleep(SimDuration.ofMillis(2));
        window[0] = p.now();
        for (int r = 1; r <= ROUNDS; r++) {
          inbox.putInt(4, r);
          p.vmmc().send(inbox, 4, there, 0, 4);
          awaitRound(p, inbox, r);
        }
        window[1] = p.now();
      });
      return mc.run();
    }
  }

  private static void awaitRound(VmmcProcess p, UserMemory inbox, int round) {
    while (inbox.getInt(0) != round) {
      p.awaitChange(inbox, 0, 4);
    }
  }
}
