package org.vmmc.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.Node;

/**
 * Assertions on a {@link Multicomputer}, seen through its inspector; get one from
 * {@link VmmcAssertions#assertThat(Multicomputer)}.
 */
public final class MulticomputerAssert
    extends AbstractAssert<MulticomputerAssert, Multicomputer> {

  MulticomputerAssert(Multicomputer actual) {
    super(actual, MulticomputerAssert.class);
  }

  /** Checks that no node has a frame of user memory in use: every process released its own. */
  public MulticomputerAssert hasNoFramesInUse() {
    isNotNull();
    Map<Integer, Integer> inUse = new TreeMap<>();
    for (Node n : actual.nodes()) {
      int frames = actual.inspector().framesInUse(n.id());
      if (frames != 0) {
        inUse.put(n.id().value(), frames);
      }
    }
    if (!inUse.isEmpty()) {
      failWithMessage("expected every frame of user memory released, but frames are in use"
          + " (node=frames): %s", inUse);
    }
    return this;
  }

  /** Checks that no node's network interface dropped and reported a packet or notification. */
  public MulticomputerAssert hasNoDropReports() {
    isNotNull();
    List<String> reports = new ArrayList<>();
    for (Node n : actual.nodes()) {
      for (String line : actual.inspector().dropReports(n.id())) {
        reports.add(n.id() + ": " + line);
      }
    }
    if (!reports.isEmpty()) {
      failWithMessage("expected no drop reports, but there are %s: %s", reports.size(), reports);
    }
    return this;
  }

  /** The drop reports of node {@code index}, to assert on. */
  public ListAssert<String> dropReports(int index) {
    isNotNull();
    return Assertions.assertThat(actual.inspector().dropReports(actual.node(index).id()))
        .as("drop reports of node %s", index);
  }
}
