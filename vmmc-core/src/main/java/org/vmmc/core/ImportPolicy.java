package org.vmmc.core;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * Who may import an exported receive buffer; checked by the exporter's kernel at import time.
 */
public sealed interface ImportPolicy {

  /** True when {@code importer} may import the buffer. */
  boolean allows(ProcessId importer);

  /** Any process on any node may import. */
  static ImportPolicy anyone() {
    return Anyone.INSTANCE;
  }

  /** Only the listed processes may import. */
  static ImportPolicy processes(ProcessId... allowed) {
    return new Processes(Set.of(allowed));
  }

  /** Only processes on the listed nodes may import. */
  static ImportPolicy nodes(NodeId... allowed) {
    return new Nodes(Set.of(allowed));
  }

  /** Any process. */
  enum Anyone implements ImportPolicy {
    /** The one instance. */
    INSTANCE;

    @Override
    public boolean allows(ProcessId importer) {
      return true;
    }
  }

  /**
   * A list of processes.
   *
   * @param allowed the processes that may import
   */
  record Processes(Set<ProcessId> allowed) implements ImportPolicy {
    /** Copies the set, in id order, so messages that list it read the same in every run. */
    public Processes {
      allowed = ImmutableSortedSet.copyOf(requireNonNull(allowed, "allowed"));
    }

    @Override
    public boolean allows(ProcessId importer) {
      return allowed.contains(importer);
    }
  }

  /**
   * A list of nodes.
   *
   * @param allowed the nodes whose processes may import
   */
  record Nodes(Set<NodeId> allowed) implements ImportPolicy {
    /** Copies the set, in id order, so messages that list it read the same in every run. */
    public Nodes {
      allowed = ImmutableSortedSet.copyOf(requireNonNull(allowed, "allowed"));
    }

    @Override
    public boolean allows(ProcessId importer) {
      return allowed.contains(importer.node());
    }
  }
}
