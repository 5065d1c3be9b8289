package org.vmmc.core.sim;

import java.util.Arrays;

/**
 * The pending-event list, ordered by (time, sequence number): a 4-ary min-heap for future
 * events beside a FIFO for events due at the current instant.
 *
 * <p>Each heap entry's key sits in one primitive array, time and sequence number side by side,
 * so a comparison never follows a pointer and the four children of a node share a cache line
 * or two; the smallest child is chosen without data-dependent branches, which a random event
 * list would mispredict. Events scheduled for the instant of the last removed event (process
 * resumptions, zero-delay actions) skip the heap: every heap entry due at that instant was
 * scheduled before them, so serving those heap entries first and then the FIFO is exactly
 * (time, sequence number) order. Sequence numbers must increase with every {@link #add}, and
 * no event may be added before the last removed one.
 */
final class EventQueue {
  private static final int INITIAL_CAPACITY = 256;

  /** Heap keys: entry i keeps its time at {@code 2i} and its sequence number at {@code 2i+1}. */
  private long[] keys = new long[2 * INITIAL_CAPACITY];
  private Event[] heap = new Event[INITIAL_CAPACITY];
  private int heapSize;

  /** Events due at {@link #current}, in the order they were added (a ring buffer). */
  private Event[] fifo = new Event[INITIAL_CAPACITY];
  private int fifoHead;
  private int fifoSize;

  /** The time of the last removed event: nothing earlier may be added. */
  private long current;

  int size() {
    return heapSize + fifoSize;
  }

  boolean isEmpty() {
    return heapSize + fifoSize == 0;
  }

  /** Adds {@code event} with key ({@code time}, {@code seq}). */
  void add(long time, long seq, Event event) {
    if (time == current) {
      addToFifo(event);
      return;
    }
    if (time < current) {
      throw new SimulatorBugException("event at " + time + " ps added after one at " + current
          + " ps was removed");
    }
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heapSize * 2);
      keys = Arrays.copyOf(keys, heapSize * 4);
    }
    long[] k = keys;
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = k[2 * parent];
      long ps = k[2 * parent + 1];
      if (pt < time || (pt == time && ps < seq)) {
        break;
      }
      k[2 * i] = pt;
      k[2 * i + 1] = ps;
      heap[i] = heap[parent];
      i = parent;
    }
    k[2 * i] = time;
    k[2 * i + 1] = seq;
    heap[i] = event;
  }

  private void addToFifo(Event event) {
    if (fifoSize == fifo.length) {
      Event[] grown = new Event[fifoSize * 2];
      for (int j = 0; j < fifoSize; j++) {
        grown[j] = fifo[(fifoHead + j) & (fifo.length - 1)];
      }
      fifo = grown;
      fifoHead = 0;
    }
    fifo[(fifoHead + fifoSize) & (fifo.length - 1)] = event;
    fifoSize++;
  }

  /** The first event, without removing it; null when empty. */
  Event peek() {
    if (heapSize > 0 && (keys[0] == current || fifoSize == 0)) {
      return heap[0];
    }
    return fifoSize > 0 ? fifo[fifoHead] : null;
  }

  /** Removes and returns the first event; null when empty. */
  Event poll() {
    if (heapSize > 0 && (keys[0] == current || fifoSize == 0)) {
      current = keys[0];
      return pollHeap();
    }
    if (fifoSize == 0) {
      return null;
    }
    Event first = fifo[fifoHead];
    fifo[fifoHead] = null;
    fifoHead = (fifoHead + 1) & (fifo.length - 1);
    fifoSize--;
    return first;
  }

  private Event pollHeap() {
    Event[] h = heap;
    long[] k = keys;
    Event first = h[0];
    int n = --heapSize;
    long time = k[2 * n];
    long seq = k[2 * n + 1];
    Event moved = h[n];
    h[n] = null;
    if (n == 0) {
      return first;
    }
    int i = 0;
    while (true) {
      int child = 4 * i + 1;
      if (child >= n) {
        break;
      }
      int best = child;
      long bt = k[2 * child];
      long bs = k[2 * child + 1];
      int end = Math.min(child + 4, n);
      for (int c = child + 1; c < end; c++) {
        long ct = k[2 * c];
        long cs = k[2 * c + 1];
        // Non-short-circuit operators and selects let the JIT use conditional moves.
        boolean less = ct < bt | (ct == bt & cs < bs);
        best = less ? c : best;
        bt = less ? ct : bt;
        bs = less ? cs : bs;
      }
      if (time < bt || (time == bt && seq < bs)) {
        break;
      }
      k[2 * i] = bt;
      k[2 * i + 1] = bs;
      h[i] = h[best];
      i = best;
    }
    k[2 * i] = time;
    k[2 * i + 1] = seq;
    h[i] = moved;
    return first;
  }

  /** Removes every event. */
  void clear() {
    Arrays.fill(heap, 0, heapSize, null);
    heapSize = 0;
    Arrays.fill(fifo, null);
    fifoHead = 0;
    fifoSize = 0;
  }
}
