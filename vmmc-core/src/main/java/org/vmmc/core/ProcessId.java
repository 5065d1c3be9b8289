package org.vmmc.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A process, named by its node and its process number on that node.
 *
 * @param node the node the process runs on
 * @param pid the process number, unique on its node, at least zero
 */
public record ProcessId(NodeId node, int pid) implements Comparable<ProcessId> {

  private static final Comparator<ProcessId> ORDER =
      Comparator.comparing(ProcessId::node).thenComparingInt(ProcessId::pid);

  /** Checks the range. */
  public ProcessId {
    requireNonNull(node, "node");
    checkArgument(pid >= 0, "process number must not be negative: %s", pid);
  }

  /** Process {@code pid} on node {@code node}. */
  public static ProcessId of(int node, int pid) {
    return new ProcessId(NodeId.of(node), pid);
  }

  @Override
  public int compareTo(ProcessId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "process " + node.value() + "." + pid;
  }
}
