package org.vmmc.hardware.shrimp1;

import java.util.BitSet;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;

/**
 * The SHRIMP-I outgoing page table: one entry per send page, saying which remote frame the
 * page is mapped out to. The entry is written when the buffer is imported and cleared when
 * the import ends; a send from the page always goes to that frame, at the same offset.
 *
 * <pre>
 *   entry i (one per send page of the pool, indexed by local frame - first pool frame)
 *   +-------+------------------+----------------------------+
 *   | valid | destination node | destination physical frame |
 *   +-------+------------------+----------------------------+
 * </pre>
 */
final class OutgoingPageTable {
  private final int[] node;
  private final long[] frame;
  private final BitSet valid;

  OutgoingPageTable(int entries) {
    this.node = new int[entries];
    this.frame = new long[entries];
    this.valid = new BitSet(entries);
  }

  void program(int index, NodeId destination, FrameNumber destinationFrame) {
    node[index] = destination.value();
    frame[index] = destinationFrame.value();
    valid.set(index);
  }

  void invalidate(int index) {
    valid.clear(index);
  }

  boolean isValid(int index) {
    return index >= 0 && index < node.length && valid.get(index);
  }

  NodeId destinationNode(int index) {
    return NodeId.of(node[index]);
  }

  FrameNumber destinationFrame(int index) {
    return new FrameNumber(frame[index]);
  }
}
