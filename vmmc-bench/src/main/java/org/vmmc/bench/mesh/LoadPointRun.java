package org.vmmc.bench.mesh;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vmmc.core.stats.Metrics;
import org.vmmc.hardware.mesh.MeshNetwork;
import org.vmmc.hardware.mesh.MeshParameters;

/**
 * One load point: uniform random traffic with Bernoulli injection offered to a
 * {@link MeshNetwork} that is stepped cycle by cycle.
 *
 * <p>Every cycle each node creates a packet with probability {@code offered / packetFlits}
 * (so it offers {@code offered} flits per cycle on average), to a destination drawn uniformly
 * from all nodes, itself included. Created packets wait in an unbounded source queue until
 * the node's injection port takes them, so latency counts the time spent queueing at the
 * source, and throughput beyond saturation is what the network accepts.
 *
 * <p>The (cycle, node) trials are independent, so instead of one draw per trial the run draws
 * the geometric gap to the next success: the same process, at a cost per packet rather than
 * per node and cycle.
 */
final class LoadPointRun implements MeshNetwork.Sink {
  private static final int INITIAL_QUEUE = 16;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
  /** Cycles between samples of the heap in use (G1 updates its pool peaks only at GC). */
  private static final long HEAP_SAMPLE_CYCLES = 4096;

  private final MeshNetwork network;
  private final SplittableRandom random;
  private final int nodes;
  private final int packetFlits;
  private final double createProbability;
  private final double logFailure;
  private final long windowStart;
  private final long windowEnd;

  // Per-node source queues: creation cycle and destination of each waiting packet.
  private final long[][] queuedAt;
  private final int[][] queuedTo;
  private final int[] queueHead;
  private final int[] queueSize;
  private final int[] backlogged;
  private int backloggedCount;
  private final boolean[] isBacklogged;
  /** The next successful trial, numbered {@code cycle * nodes + node}. */
  private long nextCreation;

  private long delivered;
  private long windowCreated;
  private long windowDelivered;
  private long windowLatencySum;
  private long windowFlitsDelivered;

  LoadPointRun(MeshParameters parameters, int packetFlits, double offeredFlits,
      SplittableRandom random, long warmupCycles, long measureCycles) {
    this.network = new MeshNetwork(parameters, this, new Metrics());
    this.random = random;
    this.nodes = parameters.nodeCount();
    this.packetFlits = packetFlits;
    this.createProbability = Math.min(1.0, offeredFlits / packetFlits);
    this.windowStart = warmupCycles;
    this.windowEnd = warmupCycles + measureCycles;
    queuedAt = new long[nodes][INITIAL_QUEUE];
    queuedTo = new int[nodes][INITIAL_QUEUE];
    queueHead = new int[nodes];
    queueSize = new int[nodes];
    backlogged = new int[nodes];
    isBacklogged = new boolean[nodes];
    logFailure = Math.log1p(-createProbability);
    nextCreation = gap();
  }

  /** Failed trials before the next success: geometric with the creation probability. */
  private long gap() {
    return (long) (Math.log1p(-random.nextDouble()) / logFailure);
  }

  /**
   * Runs warm-up and window, then lets the window's packets drain for at most
   * {@code drainLimitCycles} (traffic goes on meanwhile), and reports the point.
   */
  MeshPoint run(String mesh, double offeredFlits, long drainLimitCycles) {
    Runtime runtime = Runtime.getRuntime();
    // Start from a collected heap so the peak reflects this run, not the garbage of earlier ones.
    System.gc();
    long peakHeap = runtime.totalMemory() - runtime.freeMemory();
    long wallStart = System.nanoTime();
    long drainEnd = windowEnd + drainLimitCycles;
    long t = 0;
    while (t < windowEnd || (windowDelivered < windowCreated && t < drainEnd)) {
      offerTraffic(t);
      network.step();
      t++;
      if (t % HEAP_SAMPLE_CYCLES == 0) {
        peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
      }
    }
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
    double windowCycles = windowEnd - windowStart;
    return new MeshPoint(mesh, offeredFlits,
        windowDelivered == 0 ? 0 : (double) windowLatencySum / windowDelivered,
        windowFlitsDelivered / (windowCycles * nodes),
        delivered / wallSeconds, peakHeap / BYTES_PER_MIB, windowDelivered == windowCreated);
  }

  private void offerTraffic(long t) {
    long cycleEnd = (t + 1) * nodes;
    while (nextCreation < cycleEnd) {
      int n = (int) (nextCreation - t * nodes);
      enqueue(n, t, random.nextInt(nodes));
      if (t >= windowStart && t < windowEnd) {
        windowCreated++;
      }
      nextCreation += 1 + gap();
    }
    int i = 0;
    while (i < backloggedCount) {
      int n = backlogged[i];
      if (network.canInject(n)) {
        int head = queueHead[n];
        network.tryInject(n, queuedTo[n][head], packetFlits, queuedAt[n][head]);
        queueHead[n] = head + 1 == queuedAt[n].length ? 0 : head + 1;
        if (--queueSize[n] == 0) {
          isBacklogged[n] = false;
          backlogged[i] = backlogged[--backloggedCount];
          continue;
        }
      }
      i++;
    }
  }

  private void enqueue(int n, long t, int destination) {
    long[] at = queuedAt[n];
    if (queueSize[n] == at.length) {
      grow(n);
      at = queuedAt[n];
    }
    int i = queueHead[n] + queueSize[n];
    if (i >= at.length) {
      i -= at.length;
    }
    at[i] = t;
    queuedTo[n][i] = destination;
    queueSize[n]++;
    if (!isBacklogged[n]) {
      isBacklogged[n] = true;
      backlogged[backloggedCount++] = n;
    }
  }

  private void grow(int n) {
    int size = queueSize[n];
    long[] at = new long[size * 2];
    int[] to = new int[size * 2];
    for (int k = 0; k < size; k++) {
      int i = (queueHead[n] + k) % size;
      at[k] = queuedAt[n][i];
      to[k] = queuedTo[n][i];
    }
    queuedAt[n] = at;
    queuedTo[n] = to;
    queueHead[n] = 0;
  }

  @Override
  public boolean tailArrived(int handle) {
    long now = network.cycle();
    long createdAt = network.tag(handle);
    delivered++;
    if (createdAt >= windowStart && createdAt < windowEnd) {
      windowDelivered++;
      windowLatencySum += now - createdAt;
    }
    if (now >= windowStart && now < windowEnd) {
      windowFlitsDelivered += network.flits(handle);
    }
    return true;
  }

  @Override
  public void injectionSpace(int node) {
    // Sources poll their injection port every cycle.
  }

  @Override
  public String toString() {
    return "LoadPointRun[" + nodes + " nodes, p=" + createProbability + ", queued="
        + Arrays.stream(queueSize).sum() + "]";
  }
}
