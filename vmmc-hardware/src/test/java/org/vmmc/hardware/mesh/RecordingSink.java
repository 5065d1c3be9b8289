package org.vmmc.hardware.mesh;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.stats.Metrics;

/** A sink that records every delivery and can refuse packets for chosen nodes. */
final class RecordingSink implements MeshNetwork.Sink {

  /** One delivered packet: its tag, its endpoints and the cycle its receiver took it. */
  record Delivery(long tag, int source, int destination, long injectedAt, long deliveredAt) {
    long latency() {
      return deliveredAt - injectedAt;
    }
  }

  final List<Delivery> deliveries = new ArrayList<>();
  final List<Integer> spaceNotices = new ArrayList<>();
  final Metrics metrics = new Metrics();
  final boolean[] refusing;
  int refusals;
  MeshNetwork network;

  RecordingSink(int nodes) {
    refusing = new boolean[nodes];
  }

  static RecordingSink on(MeshParameters parameters) {
    RecordingSink sink = new RecordingSink(parameters.nodeCount());
    sink.network = new MeshNetwork(parameters, sink, sink.metrics);
    return sink;
  }

  @Override
  public boolean tailArrived(int handle) {
    if (refusing[network.destination(handle)]) {
      refusals++;
      return false;
    }
    deliveries.add(new Delivery(network.tag(handle), network.source(handle),
        network.destination(handle), network.injectedAt(handle), network.cycle()));
    return true;
  }

  @Override
  public void injectionSpace(int node) {
    spaceNotices.add(node);
  }

  /** Steps until the network is empty; fails if that takes more than {@code limit} cycles. */
  void drain(long limit) {
    long end = network.cycle() + limit;
    while (!network.isEmpty()) {
      if (network.cycle() >= end) {
        throw new AssertionError("network did not drain within " + limit + " cycles: "
            + network.packetsInFlight() + " packets still in flight");
      }
      network.step();
    }
  }

  /** The delivery with {@code tag}. */
  Delivery delivery(long tag) {
    return deliveries.stream().filter(d -> d.tag() == tag).findFirst().orElseThrow();
  }
}
