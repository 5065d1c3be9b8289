package org.vmmc.hardware.mesh;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmmc.hardware.mesh.RecordingSink.Delivery;

class MeshNetworkTest {
  /** 4 x 4, router delay 3, link delay 1 (4 cycles per hop), 4-flit buffers. */
  private static final MeshParameters FOUR_BY_FOUR = MeshParameters.paragon(4, 4);

  @ParameterizedTest(name = "{0} -> {1}, {2} flits: {3} cycles")
  @CsvSource({
      // same node: 1 hop (own router) = 4, plus 7 flits behind the head
      "5, 5, 8, 11",
      // east neighbour: 2 hops = 8, + 7
      "5, 6, 8, 15",
      // north neighbour
      "5, 9, 8, 15",
      // corner to corner: 6 links, 7 hops = 28, + 7
      "0, 15, 8, 35",
      // the other way, a single flit: 28 + 0
      "15, 0, 1, 28",
      // the other diagonal, 20 flits: 28 + 19
      "3, 12, 20, 47",
  })
  void zeroLoadLatencyIsHopsTimesPerHopDelayPlusSerialisation(int from, int to, int flits,
      long expected) {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    int h = sink.network.tryInject(from, to, flits, 1);
    assertThat(h).isNotNegative();
    sink.drain(1_000);
    assertThat(sink.deliveries).singleElement()
        .extracting(Delivery::latency).isEqualTo(expected);
    assertThat(sink.network.zeroLoadCycles(from, to, flits)).isEqualTo(expected);
  }

  @Test
  void zeroLoadLatencyFollowsRouterAndLinkDelays() {
    MeshParameters slowLinks = FOUR_BY_FOUR.toBuilder().size(3, 2).routerDelayCycles(2)
        .linkDelayCycles(3).inputBufferFlits(5).build();
    RecordingSink sink = RecordingSink.on(slowLinks);
    // node 0 (0,0) to node 5 (2,1): 3 links, 4 hops of 2 + 3 cycles = 20, + 5 flits behind.
    sink.network.tryInject(0, 5, 6, 1);
    sink.drain(1_000);
    assertThat(sink.deliveries.getFirst().latency()).isEqualTo(25);
  }

  @Test
  void twoPacketsSharingALinkSerialise() {
    // 3 x 2 mesh: nodes 0 (0,0) and 2 (2,0) both send to node 4 (1,1). Both heads reach
    // router 1 (1,0) in cycle 7 and need its north link; one waits for the other's whole
    // packet to pass. Buffers of 8 flits cover the head's wait, so credits never add to it.
    List<Delivery> d = contendForNorthLinkOfRouterOne(8);
    Delivery first = d.get(0);
    Delivery second = d.get(1);
    int firstFlits = first.tag() == 100 ? 5 : 8;
    int secondFlits = 13 - firstFlits;
    // distance 2: 3 hops of 4 cycles
    assertThat(first.latency()).isEqualTo(3 * 4 + firstFlits - 1);
    assertThat(second.latency()).isEqualTo(3 * 4 + secondFlits - 1 + firstFlits);
  }

  @Test
  void followerWaitsACycleForCreditWhenBuffersAreShallowerThanTheHeadsWait() {
    // As above with 4-flit buffers. The east input wins (round robin starts at port 0): node
    // 2's 8 flits leave router 1 in cycles 7..14. Router 4 holds each of them 3 cycles (its
    // head waited out the router delay), so in cycle 15 all 4 credits of router 1's north
    // output are still out; the first returns in cycle 16, when node 0's head leaves. It
    // reaches router 4 in 17, may leave in 20, and its tail arrives in 24 + 1 = 25.
    List<Delivery> d = contendForNorthLinkOfRouterOne(4);
    assertThat(d).extracting(Delivery::tag).containsExactly(200L, 100L);
    assertThat(d.get(0).latency()).isEqualTo(3 * 4 + 7);
    assertThat(d.get(1).latency()).isEqualTo(3 * 4 + 4 + 8 + 1);
  }

  private static List<Delivery> contendForNorthLinkOfRouterOne(int buffer) {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR.toBuilder().size(3, 2)
        .inputBufferFlits(buffer).build());
    sink.network.tryInject(0, 4, 5, 100);
    sink.network.tryInject(2, 4, 8, 200);
    sink.drain(1_000);
    assertThat(sink.deliveries).hasSize(2);
    return sink.deliveries;
  }

  @Test
  void backToBackPacketsFromOneSourceSerialiseOnTheInjectionChannel() {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR.toBuilder()
        .injectionQueuePackets(2).inputBufferFlits(8).build());
    sink.network.tryInject(0, 15, 8, 1);
    sink.network.tryInject(0, 15, 3, 2);
    sink.drain(1_000);
    assertThat(sink.delivery(1).deliveredAt()).isEqualTo(35);
    // the second head enters the router 8 cycles after the first: 8 + 7 hops of 4 + 2
    assertThat(sink.delivery(2).deliveredAt()).isEqualTo(38);
  }

  @ParameterizedTest(name = "{0} x {1}, {2}-flit buffers")
  @CsvSource({"4, 4, 4", "5, 3, 1", "6, 6, 2", "1, 7, 3"})
  void heavyRandomTrafficIsDeliveredExactlyOnceAndInOrder(int width, int height, int buffer) {
    MeshParameters parameters = FOUR_BY_FOUR.toBuilder().size(width, height)
        .inputBufferFlits(buffer).build();
    RecordingSink sink = RecordingSink.on(parameters);
    // about 2 flits per node per cycle offered: far beyond saturation
    RandomTraffic traffic = new RandomTraffic(sink, 11, 0.35, 11);
    traffic.run(1_500, true);
    while (!traffic.backlogEmpty()) {
      traffic.run(1, false);
      assertThat(sink.network.cycle()).as("backlog drains").isLessThan(2_000_000);
    }
    sink.drain(100_000);

    assertThat(traffic.refused).as("injection back-pressure was exercised").isPositive();
    assertThat(sink.deliveries).extracting(Delivery::tag)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            traffic.accepted.stream().map(p -> p[0]).toList());
    assertThat(traffic.accepted).hasSize((int) traffic.generated());
    Map<List<Integer>, List<Delivery>> byPair = sink.deliveries.stream()
        .collect(groupingBy(d -> List.of(d.source(), d.destination())));
    byPair.values().forEach(flow -> assertThat(flow).extracting(Delivery::tag)
        .isSortedAccordingTo(Comparator.naturalOrder()));
    assertThat(sink.metrics.value(MeshCounter.PACKETS_DELIVERED))
        .isEqualTo(sink.metrics.value(MeshCounter.PACKETS_INJECTED))
        .isEqualTo(traffic.generated());
    assertThat(sink.metrics.value(MeshCounter.FLITS_DELIVERED))
        .isEqualTo(sink.metrics.value(MeshCounter.FLITS_INJECTED));
    assertThat(sink.metrics.value(MeshCounter.INJECTION_REFUSALS)).isEqualTo(traffic.refused);
    assertThat(sink.metrics.value(MeshCounter.FLIT_STALLS)).isPositive();
  }

  @Test
  void adversarialTransposeTrafficAtFullLoadDrainsWithoutDeadlock() {
    int k = 6;
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR.toBuilder().size(k, k)
        .inputBufferFlits(1).build());
    MeshNetwork net = sink.network;
    long accepted = 0;
    for (int c = 0; c < 5_000; c++) {
      for (int n = 0; n < k * k; n++) {
        int transpose = (n % k) * k + n / k;
        if (net.tryInject(n, transpose, 9, accepted) >= 0) {
          accepted++;
        }
      }
      net.step();
    }
    sink.drain(100_000);
    assertThat(sink.deliveries).hasSize((int) accepted);
  }

  @Test
  void refusedPacketHoldsItsPathUntilTheReceiverResumes() {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    MeshNetwork net = sink.network;
    sink.refusing[5] = true;
    int acceptedFromFour = 0;
    long tag = 0;
    int acceptedAfter400 = -1;
    for (int c = 0; c < 800; c++) {
      if (net.tryInject(4, 5, 6, tag) >= 0) {
        tag++;
        acceptedFromFour++;
      }
      if (c == 400) {
        acceptedAfter400 = acceptedFromFour;
        net.tryInject(12, 15, 6, 1_000);  // row 3: a path that does not touch node 5
      }
      net.step();
    }
    assertThat(net.isEjectionBlocked(5)).isTrue();
    assertThat(sink.refusals).isEqualTo(1);
    assertThat(sink.deliveries).extracting(Delivery::tag).containsExactly(1_000L);
    // back-pressure reached the source: it stopped accepting once the buffers filled
    assertThat(acceptedFromFour).isEqualTo(acceptedAfter400).isLessThan(10);
    assertThat(sink.metrics.value(MeshCounter.EJECTION_REFUSALS)).isEqualTo(1);
    assertThat(net.step()).as("nothing can happen until the receiver resumes")
        .isEqualTo(MeshNetwork.IDLE);

    sink.refusing[5] = false;
    long resumedAt = net.cycle();
    net.resumeEjection(5);
    net.step();
    assertThat(sink.deliveries.get(1).tag()).isZero();
    assertThat(sink.deliveries.get(1).deliveredAt()).isEqualTo(resumedAt);
    sink.drain(1_000);
    assertThat(net.isEjectionBlocked(5)).isFalse();
    assertThat(sink.deliveries.subList(1, sink.deliveries.size())).extracting(Delivery::tag)
        .containsExactlyElementsOf(
            IntStream.range(0, acceptedFromFour).mapToObj(i -> (long) i).toList());
  }

  @Test
  void receiverThatRefusesAgainAfterResumeKeepsThePacket() {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    MeshNetwork net = sink.network;
    sink.refusing[3] = true;
    net.tryInject(0, 3, 4, 7);
    for (int c = 0; c < 100; c++) {
      net.step();
    }
    net.resumeEjection(3);
    net.step();
    assertThat(sink.refusals).isEqualTo(2);
    assertThat(net.isEjectionBlocked(3)).isTrue();
    assertThat(net.isEmpty()).isFalse();
    sink.refusing[3] = false;
    net.resumeEjection(3);
    sink.drain(10);
    assertThat(sink.deliveries).extracting(Delivery::tag).containsExactly(7L);
  }

  @Test
  void injectionPortRefusesWhenFullAndSaysWhenItHasRoom() {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    MeshNetwork net = sink.network;
    assertThat(net.tryInject(2, 9, 3, 1)).isNotNegative();
    assertThat(net.canInject(2)).isFalse();
    assertThat(net.tryInject(2, 9, 3, 2)).isNegative();
    net.step();
    net.step();
    assertThat(sink.spaceNotices).isEmpty();
    net.step(); // cycle 2: the tail enters the router
    assertThat(sink.spaceNotices).containsExactly(2);
    assertThat(net.canInject(2)).isTrue();
    assertThat(sink.metrics.value(MeshCounter.INJECTION_REFUSALS)).isEqualTo(1);
  }

  @Test
  void stepSaysWhenTheNextThingCanHappen() {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    MeshNetwork net = sink.network;
    assertThat(net.step()).isEqualTo(MeshNetwork.IDLE);
    long start = net.cycle();
    net.tryInject(0, 0, 1, 1);
    // the single flit waits 3 cycles in its router, then 1 on the ejection channel
    assertThat(net.step()).isEqualTo(start + 1);
    assertThat(net.step()).isEqualTo(start + 3);
    net.skipTo(start + 3);
    assertThat(net.step()).isEqualTo(start + 4);
    assertThat(net.step()).isEqualTo(MeshNetwork.IDLE);
    assertThat(sink.deliveries.getFirst().deliveredAt()).isEqualTo(start + 4);
  }

  @Test
  void sameSeedGivesTheSameRunAndAnotherSeedDoesNot() {
    assertThat(randomRun(42)).isEqualTo(randomRun(42)).isNotEqualTo(randomRun(43));
  }

  private static List<Delivery> randomRun(long seed) {
    RecordingSink sink = RecordingSink.on(FOUR_BY_FOUR);
    RandomTraffic traffic = new RandomTraffic(sink, seed, 0.1, 8);
    traffic.run(2_000, true);
    return sink.deliveries;
  }

  @Test
  void badInputIsRejectedNamingTheValueAndTheLimit() {
    MeshNetwork net = RecordingSink.on(FOUR_BY_FOUR).network;
    assertThatThrownBy(() -> net.tryInject(16, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source node 16 is outside the 16-node mesh");
    assertThatThrownBy(() -> net.tryInject(0, -1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("destination node -1 is outside the 16-node mesh");
    assertThatThrownBy(() -> net.tryInject(0, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a packet has at least 1 flit: 0");
    assertThatThrownBy(() -> net.canInject(16))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("node (16) must be less than size (16)");
    assertThatThrownBy(() -> net.skipTo(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot go back from cycle 0 to -1");
  }
}
