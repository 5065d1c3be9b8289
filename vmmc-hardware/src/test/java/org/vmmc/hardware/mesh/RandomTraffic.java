package org.vmmc.hardware.mesh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random traffic with an unbounded backlog per source, offered to a {@link MeshNetwork} that
 * may refuse it: each packet gets a unique tag, and the backlog retries until it is accepted.
 */
final class RandomTraffic {
  private final RecordingSink sink;
  private final SplittableRandom random;
  private final double packetProbability;
  private final int maxFlits;
  private final List<ArrayDeque<long[]>> backlog = new ArrayList<>();
  final List<long[]> accepted = new ArrayList<>();
  long refused;
  private long nextTag;

  /** {tag, source, destination, flits} per accepted packet, in acceptance order. */
  RandomTraffic(RecordingSink sink, long seed, double packetProbability, int maxFlits) {
    this.sink = sink;
    this.random = new SplittableRandom(seed);
    this.packetProbability = packetProbability;
    this.maxFlits = maxFlits;
    for (int n = 0; n < sink.network.nodeCount(); n++) {
      backlog.add(new ArrayDeque<>());
    }
  }

  /** Offers traffic for {@code cycles} cycles, generating new packets while {@code generate}. */
  void run(long cycles, boolean generate) {
    MeshNetwork net = sink.network;
    int nodes = net.nodeCount();
    for (long c = 0; c < cycles; c++) {
      for (int n = 0; n < nodes; n++) {
        if (generate && random.nextDouble() < packetProbability) {
          backlog.get(n).add(new long[] {nextTag++, n, random.nextInt(nodes),
              1 + random.nextInt(maxFlits)});
        }
        long[] next = backlog.get(n).peek();
        if (next != null) {
          int h = net.tryInject(n, (int) next[2], (int) next[3], next[0]);
          if (h < 0) {
            refused++;
          } else {
            accepted.add(backlog.get(n).poll());
          }
        }
      }
      net.step();
    }
  }

  boolean backlogEmpty() {
    return backlog.stream().allMatch(ArrayDeque::isEmpty);
  }

  long generated() {
    return nextTag;
  }
}
