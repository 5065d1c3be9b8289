package org.vmmc.core.nic;

import org.vmmc.core.VirtualAddress;

/**
 * How the user library starts a deliberate update on a design. SHRIMP-II does it with two
 * user memory references to proxy addresses; a conventional interface with a system call.
 */
public interface UserAccessPath {

  /**
   * Sends {@code length} bytes from {@code source} in the caller's memory to byte
   * {@code offset} of the buffer behind {@code mapping}; returns when the data has left the
   * sender's memory (local completion), not when it arrives. The caller has checked bounds
   * and alignment; protection is the MMU's (a forged address faults).
   */
  void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify);
}
