package org.vmmc.hardware.mesh;

import java.util.Arrays;

/**
 * The packets in a {@link MeshNetwork}, by handle: parallel primitive arrays that grow with
 * the traffic and are reused, so a packet costs no allocation once they have grown.
 */
final class PacketTable {
  static final int NONE = -1;
  private static final int INITIAL_CAPACITY = 64;

  int[] source = new int[INITIAL_CAPACITY];
  int[] destination = new int[INITIAL_CAPACITY];
  int[] flits = new int[INITIAL_CAPACITY];
  /** Flits already streamed into the source router. */
  int[] sent = new int[INITIAL_CAPACITY];
  /** The next packet in the same injection queue or held-packet list. */
  int[] next = new int[INITIAL_CAPACITY];
  long[] tag = new long[INITIAL_CAPACITY];
  long[] injectedAt = new long[INITIAL_CAPACITY];
  private int[] free = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int inUse;

  PacketTable() {
    for (int h = INITIAL_CAPACITY - 1; h >= 0; h--) {
      free[freeCount++] = h;
    }
  }

  /** A handle for a new packet, with its fields filled in. */
  int allocate(int from, int to, int flitCount, long packetTag, long cycle) {
    if (freeCount == 0) {
      grow();
    }
    int h = free[--freeCount];
    inUse++;
    source[h] = from;
    destination[h] = to;
    flits[h] = flitCount;
    sent[h] = 0;
    next[h] = NONE;
    tag[h] = packetTag;
    injectedAt[h] = cycle;
    return h;
  }

  /** Returns {@code h} for reuse. */
  void release(int h) {
    inUse--;
    free[freeCount++] = h;
  }

  /** Packets allocated and not released. */
  int inUse() {
    return inUse;
  }

  private void grow() {
    int old = source.length;
    int size = old * 2;
    source = Arrays.copyOf(source, size);
    destination = Arrays.copyOf(destination, size);
    flits = Arrays.copyOf(flits, size);
    sent = Arrays.copyOf(sent, size);
    next = Arrays.copyOf(next, size);
    tag = Arrays.copyOf(tag, size);
    injectedAt = Arrays.copyOf(injectedAt, size);
    free = new int[size];
    for (int h = size - 1; h >= old; h--) {
      free[freeCount++] = h;
    }
  }
}
