package org.vmmc.core.sim;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vmmc.core.NodeId;

/**
 * What a scheduled event is, for the trace: its stage, the node it happens on, and a short
 * description. Components make their trace points once and reuse them.
 *
 * @param stage what the interval ending with the event went to
 * @param node the node the event belongs to; empty for machine-wide components (the mesh as a
 *     whole, the Ethernet)
 * @param what a short description, such as {@code du start}
 */
public record TracePoint(Stage stage, Optional<NodeId> node, String what) {

  /** Checks the fields. */
  public TracePoint {
    requireNonNull(stage, "stage");
    requireNonNull(node, "node");
    requireNonNull(what, "what");
  }

  /** A trace point of node {@code node}. */
  public static TracePoint of(Stage stage, NodeId node, String what) {
    return new TracePoint(stage, Optional.of(node), what);
  }

  /** A trace point of a machine-wide component. */
  public static TracePoint machine(Stage stage, String what) {
    return new TracePoint(stage, Optional.empty(), what);
  }

  @Override
  public String toString() {
    return node.map(n -> "node" + n.value() + " ").orElse("") + what;
  }
}
