package org.vmmc.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.userlib.Multicomputer;

/**
 * Faults injected behind VMMC's back: what a buggy or hostile kernel could do to its network
 * interface. The user library offers no such door; a test installs one with {@link #module()}
 * as a node override, and the faults reach each node's driver through it:
 *
 * <pre>{@code
 * FaultInjection faults = new FaultInjection();
 * try (Multicomputer mc = Multicomputer.builder().design(designModule)
 *     .overrideNodes(faults.module()).build()) {
 *   ...
 *   faults.disableReceiveOnEveryFrame(NodeId.of(0));
 * }
 * }</pre>
 *
 * Use one instance per machine. Faults are injected from a simulated process (or between
 * runs), never from an observer.
 */
public final class FaultInjection {
  /** One node's driver and memory, reachable once its injector exists. */
  private record NodeDoor(Provider<NodeId> id, Provider<NicDriver> driver,
      Provider<PhysicalMemory> memory) {}

  private final List<NodeDoor> nodes = new ArrayList<>();

  /**
   * The node override to install with {@link Multicomputer.Builder#overrideNodes}; it binds
   * nothing and only lets this object reach each node's driver and memory.
   */
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        nodes.add(new NodeDoor(getProvider(NodeId.class), getProvider(NicDriver.class),
            getProvider(PhysicalMemory.class)));
      }
    };
  }

  /** Disables reception on every frame of {@code node}, as if its kernel did. */
  public void disableReceiveOnEveryFrame(NodeId node) {
    NodeDoor door = door(node);
    NicDriver driver = door.driver().get();
    long frames = door.memory().get().frameCount();
    for (long f = 0; f < frames; f++) {
      driver.disableReceive(new FrameNumber(f));
    }
  }

  private NodeDoor door(NodeId node) {
    checkState(!nodes.isEmpty(), "no machine was built with this FaultInjection's module()");
    NodeDoor found = null;
    for (NodeDoor door : nodes) {
      if (door.id().get().equals(node)) {
        checkState(found == null, "%s of more than one machine was built with this"
            + " FaultInjection's module(); use one FaultInjection per machine", node);
        found = door;
      }
    }
    checkArgument(found != null, "%s is not a node of the machine, which has %s nodes", node,
        nodes.size());
    return found;
  }
}
