package org.vmmc.hardware.conventional;

import com.google.inject.Inject;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;

/**
 * How the user library sends on a conventional interface: a system call, {@code send}, whose
 * body is the kernel's message layer. The trap in and out is charged by the kernel's system
 * call path.
 */
final class ConventionalAccessPath implements UserAccessPath {
  private final KernelMessaging messaging;

  @Inject
  ConventionalAccessPath(KernelMessaging messaging) {
    this.messaging = messaging;
  }

  @Override
  public void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify) {
    ConventionalImportMapping m = (ConventionalImportMapping) mapping;
    caller.systemCall(SystemCall.SEND, () -> {
      messaging.send(caller, source, m, offset, length, notify);
      return null;
    });
  }
}
