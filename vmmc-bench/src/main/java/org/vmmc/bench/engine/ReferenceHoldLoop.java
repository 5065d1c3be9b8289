package org.vmmc.bench.engine;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The hold model on a bare {@link PriorityQueue} of (time, sequence number) entries: what a
 * simple event list costs, without any simulator around it.
 */
final class ReferenceHoldLoop {

  /** One pending entry, ordered by time and then by sequence number. */
  private record Entry(long time, long seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private final PriorityQueue<Entry> queue;
  private final SplittableRandom random;
  private final long maxIncrementPicos;
  private long now;
  private long nextSeq;

  /**
   * Fills the queue with {@code pending} entries whose increments, drawn from {@code random},
   * are uniform in 1..max.
   */
  ReferenceHoldLoop(int pending, SplittableRandom random, long maxIncrementPicos) {
    this.queue = new PriorityQueue<>(pending + 1);
    this.random = random;
    this.maxIncrementPicos = maxIncrementPicos;
    for (int i = 0; i < pending; i++) {
      queue.add(new Entry(1 + random.nextLong(maxIncrementPicos), nextSeq++));
    }
  }

  /** Pops and pushes until the head lies beyond {@code spanPicos} from now; returns the count. */
  long runFor(long spanPicos) {
    long end = now + spanPicos;
    long operations = 0;
    Entry head;
    while ((head = queue.peek()) != null && head.time() <= end) {
      queue.poll();
      now = head.time();
      queue.add(new Entry(now + 1 + random.nextLong(maxIncrementPicos), nextSeq++));
      operations++;
    }
    now = end;
    return operations;
  }
}
