package org.vmmc.bench.soak;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vmmc.core.SimDuration;

/**
 * One randomised sequence: the machine and every process's steps, all derived from a seed and
 * an index, so that {@code soak --replay seed:index} runs it again exactly.
 *
 * @param seed the soak's seed
 * @param index the sequence's index under that seed
 * @param design the network interface design
 * @param width mesh width in nodes
 * @param height mesh height in nodes
 * @param processesPerNode processes spawned on every node
 * @param quantum the scheduler's time slice
 * @param programs the steps of each process, in spawn order (node by node)
 */
record Scenario(long seed, long index, SoakDesign design, int width, int height,
    int processesPerNode, SimDuration quantum, List<List<Op>> programs) {

  /** Copies the programs. */
  Scenario {
    requireNonNull(design, "design");
    requireNonNull(quantum, "quantum");
    programs = programs.stream().map(List::copyOf).toList();
  }

  /** The number of processes. */
  int processCount() {
    return programs.size();
  }

  /** Steps over all processes. */
  int operationCount() {
    return programs.stream().mapToInt(List::size).sum();
  }

  /** The command-line argument that replays this sequence. */
  String replayKey() {
    return seed + ":" + index;
  }

  @Override
  public String toString() {
    return "sequence " + replayKey() + " (" + design.label() + ", " + width + "x" + height
        + " mesh, " + processesPerNode + " processes per node, quantum " + quantum + ")";
  }
}
