package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.BitSet;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;

/**
 * The SHRIMP-II outgoing page table (the network interface page table): one entry per proxy
 * page, naming where data written through that page goes.
 *
 * <pre>
 *   entry i (one per proxy page)
 *   +-------+------------------+----------------------------+
 *   | valid | destination node | destination physical frame |
 *   +-------+------------------+----------------------------+
 * </pre>
 *
 * <p>The fields are those the design reference infers. The automatic-update fields (combining
 * mode, notify), which are per local frame rather than per proxy page, are in
 * {@link AutomaticUpdateTable}.
 */
final class OutgoingPageTable {
  private final int[] node;
  private final long[] frame;
  private final int[] generation;
  private final BitSet valid;
  private final BitSet allocated;

  OutgoingPageTable(int entries) {
    this.node = new int[entries];
    this.frame = new long[entries];
    this.generation = new int[entries];
    this.valid = new BitSet(entries);
    this.allocated = new BitSet(entries);
  }

  int size() {
    return node.length;
  }

  /** Reserves {@code count} consecutive entries; returns the first, or -1 if none are free. */
  int allocate(int count) {
    int start = 0;
    while (start + count <= node.length) {
      int used = allocated.nextSetBit(start);
      if (used < 0 || used >= start + count) {
        allocated.set(start, start + count);
        return start;
      }
      start = used + 1;
    }
    return -1;
  }

  void release(int first, int count) {
    valid.clear(first, first + count);
    allocated.clear(first, first + count);
  }

  void program(int index, NodeId destination, FrameNumber destinationFrame) {
    checkArgument(allocated.get(index), "outgoing table entry %s is not allocated", index);
    node[index] = destination.value();
    frame[index] = destinationFrame.value();
    generation[index]++;
    valid.set(index);
  }

  void invalidate(int first, int count) {
    valid.clear(first, first + count);
  }

  boolean isValid(int index) {
    return index >= 0 && index < node.length && valid.get(index);
  }

  /**
   * How many times entry {@code index} has been programmed: a latch that recorded it can tell
   * the entry it named from a later import's use of the same index.
   */
  int generation(int index) {
    return generation[index];
  }

  NodeId destinationNode(int index) {
    return NodeId.of(node[index]);
  }

  FrameNumber destinationFrame(int index) {
    return new FrameNumber(frame[index]);
  }
}
