package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import org.vmmc.core.NodeId;

/**
 * The kernels of one multicomputer by node: how a kernel finds the peer it sends a control
 * message to. The messages themselves travel over the control network with its latency.
 */
@Singleton
public final class KernelDirectory {
  private final Map<NodeId, Kernel> kernels = new TreeMap<>();

  @Inject
  KernelDirectory() {}

  void register(Kernel kernel) {
    checkState(kernels.putIfAbsent(kernel.node(), kernel) == null,
        "%s already has a kernel", kernel.node());
  }

  /** The kernel of {@code node}. */
  Kernel kernel(NodeId node) {
    Kernel k = kernels.get(node);
    checkArgument(k != null, "%s does not exist: the machine has nodes 0..%s",
        node, kernels.size() - 1);
    return k;
  }

  /** The number of nodes with a kernel. */
  int size() {
    return kernels.size();
  }
}
