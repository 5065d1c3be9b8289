package org.vmmc.hardware.shrimp2;

import com.google.inject.Inject;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.LocalCompletion;

/**
 * How the user library sends on SHRIMP-II: the message is cut where either side crosses a
 * page, and each piece is one UDMA pair, a STORE of the byte count to the destination proxy
 * and a LOAD from the source proxy, with no system call. A LOAD that reports the engine busy
 * is retried once the engine has room; one that reports the pair invalid (a context switch
 * cancelled it) repeats the pair. The call returns when the last piece has left memory, which
 * the library learns by polling the engine's status.
 */
final class Shrimp2AccessPath implements UserAccessPath {
  private final Shrimp2Interface nic;
  private final MemoryGeometry geometry;
  private final Counter retries;

  @Inject
  Shrimp2AccessPath(Shrimp2Interface nic, PhysicalMemory memory, Simulator sim, NodeId node) {
    this.nic = nic;
    this.geometry = memory.geometry();
    this.retries = sim.metrics().counter(node, Shrimp2Counter.UDMA_RETRIES);
  }

  @Override
  public void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify) {
    Cpu cpu = caller.cpu();
    SimProcess p = caller.process();
    VirtualAddress destination = mapping.proxyAddress().plus(offset);
    long lastTicket = -1;
    int sent = 0;
    while (sent < length) {
      long src = source.value() + sent;
      long dst = destination.value() + sent;
      int piece = Math.min(length - sent, Math.min(
          geometry.pageSize() - geometry.offsetInPage(src),
          geometry.pageSize() - geometry.offsetInPage(dst)));
      boolean last = sent + piece == length;
      int command = piece | (last && notify ? UdmaStatus.NOTIFY : 0);
      VirtualAddress sourceProxy = VirtualAddress.of(src + VirtualLayout.ALIAS_OFFSET);
      while (true) {
        cpu.store(p, caller.addressSpace(), VirtualAddress.of(dst), command);
        int status = cpu.load(p, caller.addressSpace(), sourceProxy);
        if ((status & UdmaStatus.STARTED) != 0) {
          lastTicket = Integer.toUnsignedLong(status) >>> UdmaStatus.TICKET_SHIFT;
          break;
        }
        retries.increment();
        if ((status & UdmaStatus.BUSY) != 0) {
          p.awaitUntil(nic.deliberateUpdate.progress(), () -> !nic.deliberateUpdate.isFull());
        } else if ((status & UdmaStatus.INVALID) == 0) {
          throw new IllegalStateException("unknown UDMA status 0x" + Integer.toHexString(status));
        }
      }
      sent += piece;
    }
    awaitLocalCompletion(caller, lastTicket);
  }

  private void awaitLocalCompletion(UserContext caller, long ticket) {
    // The ticket is widened against the engine's count at the caller's own time.
    caller.process().sync();
    LocalCompletion.await(caller, nic.deliberateUpdate, fullTicket(ticket));
  }

  /** Tickets in the status word are 24 bits; the engine's count is the full number. */
  private long fullTicket(long ticket24) {
    long completed = nic.deliberateUpdate.completedCount();
    long base = completed & ~0xFF_FFFFL;
    long candidate = base | ticket24;
    return candidate > completed + 0x80_0000L ? candidate - 0x100_0000L : candidate;
  }
}
