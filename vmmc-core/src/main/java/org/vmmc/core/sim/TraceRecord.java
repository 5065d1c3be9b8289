package org.vmmc.core.sim;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vmmc.core.NodeId;

/**
 * One dispatched event, as data: two runs are identical when their traces are equal.
 *
 * @param picos the simulated time of the event, in picoseconds
 * @param seq the event's sequence number
 * @param stage what the interval ending with the event went to
 * @param node the node the event belongs to; empty for machine-wide components
 * @param what the event's short description; for a process's resumption ({@link
 *     Stage#PROCESS}), the process's name
 */
public record TraceRecord(long picos, long seq, Stage stage, Optional<NodeId> node,
    String what) {

  /** Checks the fields. */
  public TraceRecord {
    requireNonNull(stage, "stage");
    requireNonNull(node, "node");
    requireNonNull(what, "what");
  }

  /** The record of an event traced as {@code point}, due at {@code picos}, number {@code seq}. */
  public static TraceRecord of(long picos, long seq, TracePoint point) {
    return new TraceRecord(picos, seq, point.stage(), point.node(), point.what());
  }

  @Override
  public String toString() {
    return picos + " ps #" + seq + " " + stage + " "
        + node.map(n -> "node" + n.value() + " ").orElse("") + what;
  }
}
