package org.vmmc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportPolicyTest {

  @Test
  void processListsKeepIdOrderSoMessagesReadTheSameInEveryRun() {
    List<ProcessId> ids = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      for (int pid = 1; pid <= 4; pid++) {
        ids.add(new ProcessId(NodeId.of(n), pid));
      }
    }
    Set<ProcessId> shuffled = new HashSet<>(ids.reversed());
    ImportPolicy.Processes policy = new ImportPolicy.Processes(shuffled);
    assertThat(policy.allowed()).containsExactlyElementsOf(ids);
    assertThat(policy.toString()).contains(ids.toString().substring(1, 20));
  }

  @Test
  void nodeListsKeepIdOrder() {
    List<NodeId> ids = new ArrayList<>();
    for (int n = 0; n < 32; n++) {
      ids.add(NodeId.of(n));
    }
    ImportPolicy.Nodes policy = new ImportPolicy.Nodes(new HashSet<>(ids.reversed()));
    assertThat(policy.allowed()).containsExactlyElementsOf(ids);
  }
}
