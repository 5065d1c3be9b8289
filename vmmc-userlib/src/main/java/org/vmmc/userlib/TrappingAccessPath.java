package org.vmmc.userlib;

import com.google.inject.Inject;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;

/**
 * The design's access path inside a {@code send} system call, as a library that cannot reach
 * the network interface from user level would need: the caller pays the trap into the kernel
 * and out, and the kernel counts the call. {@link Ablation#SYSTEM_CALL_PER_SEND} binds it.
 */
final class TrappingAccessPath implements UserAccessPath {
  private final UserAccessPath design;

  @Inject
  TrappingAccessPath(UserAccessPath design) {
    this.design = design;
  }

  @Override
  public void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify) {
    caller.systemCall(SystemCall.SEND, () -> {
      design.send(caller, source, mapping, offset, length, notify);
      return null;
    });
  }
}
