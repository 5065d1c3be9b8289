package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A node of the multicomputer; on a mesh, node {@code x + y * width}.
 *
 * @param value the node number, at least zero
 */
public record NodeId(int value) implements Comparable<NodeId> {

  /** Checks the range. */
  public NodeId {
    checkArgument(value >= 0, "node id must not be negative: %s", value);
  }

  /** Node {@code value}. */
  public static NodeId of(int value) {
    return new NodeId(value);
  }

  @Override
  public int compareTo(NodeId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "node " + value;
  }
}
