package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.sim.Simulator;

class EthernetControlNetworkTest {
  private final Simulator sim = new Simulator(5);
  private final EthernetControlNetwork ethernet = new EthernetControlNetwork(
      sim, new ControlNetworkParameters(SimDuration.ofMicros(200)));
  private final List<String> delivered = new ArrayList<>();

  @AfterEach
  void close() {
    sim.close();
  }

  private void send(int from, int to, String what) {
    ethernet.send(NodeId.of(from), NodeId.of(to), what,
        () -> delivered.add(what + "@" + sim.now()));
  }

  private static SimTime micros(long n) {
    return SimTime.after(SimDuration.ofMicros(n));
  }

  @Test
  void messageArrivesAfterTheLatency() {
    sim.schedule(SimDuration.ofMicros(7), () -> send(0, 3, "import request"));
    sim.run();
    assertThat(delivered).containsExactly("import request@" + micros(207));
    assertThat(ethernet.messagesSent()).isEqualTo(1);
    assertThat(ethernet.messagesDelivered()).isEqualTo(1);
    assertThat(sim.metrics().value(EthernetCounter.MESSAGES_DELIVERED)).isEqualTo(1);
  }

  @Test
  void messagesBetweenOnePairArriveInSendOrder() {
    sim.schedule(SimDuration.ofMicros(1), () -> {
      send(1, 2, "a");
      send(2, 1, "x");
      send(1, 2, "b");
      send(1, 2, "c");
    });
    sim.run();
    assertThat(delivered).filteredOn(s -> !s.startsWith("x"))
        .containsExactly("a@" + micros(201), "b@" + micros(201), "c@" + micros(201));
    assertThat(delivered).contains("x@" + micros(201));
    assertThat(ethernet.messagesDelivered()).isEqualTo(4);
  }

  @Test
  void processThatRanAheadSendsAtItsOwnTime() {
    sim.spawn("kernel", p -> {
      p.consume(SimDuration.ofMicros(10));
      send(0, 1, "export notice");
    });
    sim.run();
    assertThat(delivered).containsExactly("export notice@" + micros(210));
  }

  @Test
  void undeliveredMessagesStayVisibleInTheCounts() {
    send(0, 1, "first");
    sim.runUntil(micros(100));
    assertThat(ethernet.messagesSent()).isEqualTo(1);
    assertThat(ethernet.messagesDelivered()).isZero();
    assertThat(delivered).isEmpty();
  }
}
