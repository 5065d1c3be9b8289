package org.vmmc.examples.ideal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;

/**
 * The outgoing table: per proxy page of an import, the destination node and frame. The ideal
 * interface has room for every import, and numbers entries in the order it makes them, never
 * reusing a number, so a proxy page can never come to name another import's destination.
 *
 * <pre>
 *   entry e (one per proxy page, numbered from 0, never reused)
 *   +------------------+-------------------+
 *   | destination node | destination frame |
 *   +------------------+-------------------+
 * </pre>
 */
final class OutgoingTable {
  /** Where one proxy page sends to. */
  record Entry(NodeId node, FrameNumber frame) {}

  private final Map<Long, Entry> entries = new HashMap<>();
  private long next;

  /**
   * Adds one entry per frame of {@code frames}, all on {@code node}, numbered consecutively;
   * returns the first number.
   */
  long add(NodeId node, List<FrameNumber> frames) {
    long first = next;
    for (FrameNumber frame : frames) {
      entries.put(next++, new Entry(node, frame));
    }
    return first;
  }

  /** The entry numbered {@code number}, or null once it was removed. */
  Entry lookup(long number) {
    return entries.get(number);
  }

  /** Removes the {@code count} entries numbered from {@code first} on. */
  void remove(long first, int count) {
    for (long e = first; e < first + count; e++) {
      entries.remove(e);
    }
  }
}
