package org.vmmc.core.sim;

import java.util.Arrays;

/**
 * The pending-event list: a 4-ary min-heap ordered by (time, sequence number).
 *
 * <p>Keys live in primitive arrays beside the events, so a comparison never follows a
 * pointer; a 4-ary heap halves the depth of a binary one, and the sequence number makes
 * events due at the same instant leave in the order they were scheduled.
 */
final class EventQueue {
  private static final int ARITY = 4;

  private long[] times = new long[256];
  private long[] seqs = new long[256];
  private Event[] events = new Event[256];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds {@code event} with key ({@code time}, {@code seq}). */
  void add(long time, long seq, Event event) {
    if (size == events.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      seqs = Arrays.copyOf(seqs, capacity);
      events = Arrays.copyOf(events, capacity);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      long pt = times[parent];
      if (pt < time || (pt == time && seqs[parent] < seq)) {
        break;
      }
      times[i] = pt;
      seqs[i] = seqs[parent];
      events[i] = events[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    events[i] = event;
  }

  /** The time of the first event; only when not empty. */
  long firstTime() {
    return times[0];
  }

  /** The first event, without removing it; null when empty. */
  Event peek() {
    return size == 0 ? null : events[0];
  }

  /** Removes and returns the first event; null when empty. */
  Event poll() {
    if (size == 0) {
      return null;
    }
    Event first = events[0];
    int last = --size;
    long time = times[last];
    long seq = seqs[last];
    Event moved = events[last];
    events[last] = null;
    if (last > 0) {
      siftDown(time, seq, moved, last);
    }
    return first;
  }

  private void siftDown(long time, long seq, Event moved, int n) {
    int i = 0;
    while (true) {
      int firstChild = i * ARITY + 1;
      if (firstChild >= n) {
        break;
      }
      int best = firstChild;
      long bt = times[firstChild];
      long bs = seqs[firstChild];
      int end = Math.min(firstChild + ARITY, n);
      for (int c = firstChild + 1; c < end; c++) {
        long ct = times[c];
        if (ct < bt || (ct == bt && seqs[c] < bs)) {
          best = c;
          bt = ct;
          bs = seqs[c];
        }
      }
      if (time < bt || (time == bt && seq < bs)) {
        break;
      }
      times[i] = bt;
      seqs[i] = bs;
      events[i] = events[best];
      i = best;
    }
    times[i] = time;
    seqs[i] = seq;
    events[i] = moved;
  }

  /** Removes every event. */
  void clear() {
    Arrays.fill(events, 0, size, null);
    size = 0;
  }
}
