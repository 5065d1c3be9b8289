package org.vmmc.hardware.mesh;

/**
 * The packet tails on their way over the ejection channels into the destinations' interfaces,
 * in the order they are due. Every tail takes the same link delay, so a FIFO ring keeps them
 * sorted by due cycle.
 */
final class EjectionChannels {
  private int[] handle;
  private long[] due;
  private int start;
  private int count;

  /** Room for {@code expected} tails before the ring has to grow. */
  EjectionChannels(int expected) {
    int capacity = Integer.highestOneBit(Math.max(2, expected) - 1) << 1;
    handle = new int[capacity];
    due = new long[capacity];
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** The due cycle of the first tail; only when not empty. */
  long firstDue() {
    return due[start];
  }

  /** Removes the first tail and returns its packet's handle; only when not empty. */
  int poll() {
    int h = handle[start];
    start = (start + 1) & (handle.length - 1);
    count--;
    return h;
  }

  /** Adds the tail of packet {@code h}, due at cycle {@code dueCycle} (no earlier than any). */
  void add(int h, long dueCycle) {
    if (count == handle.length) {
      grow();
    }
    int j = (start + count) & (handle.length - 1);
    handle[j] = h;
    due[j] = dueCycle;
    count++;
  }

  private void grow() {
    int[] handles = new int[count * 2];
    long[] dues = new long[count * 2];
    for (int i = 0; i < count; i++) {
      int j = (start + i) & (handle.length - 1);
      handles[i] = handle[j];
      dues[i] = due[j];
    }
    handle = handles;
    due = dues;
    start = 0;
  }
}
