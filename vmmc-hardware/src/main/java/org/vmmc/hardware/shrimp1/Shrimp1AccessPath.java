package org.vmmc.hardware.shrimp1;

import com.google.inject.Inject;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;
import org.vmmc.hardware.nic.LocalCompletion;

/**
 * How the user library sends on SHRIMP-I. Only an import's send pages can be sources, so the
 * message is first staged: copied by the CPU from the user's memory into the send pages that
 * mirror the destination bytes (every word loaded and stored is charged). Then each page's
 * piece is one locked compare-and-exchange on the shadow alias of its first send-page byte,
 * with the byte count as data and READY as the expected word; no system call. A BUSY answer is
 * retried once the outgoing DMA engine has room. The call returns when the last piece has been
 * read from the send pages (local completion), so the next send may stage over them.
 */
final class Shrimp1AccessPath implements UserAccessPath {
  private final Shrimp1Interface nic;
  private final MemoryGeometry geometry;
  private final Counter staged;
  private final Counter retries;

  @Inject
  Shrimp1AccessPath(Shrimp1Interface nic, PhysicalMemory memory, Simulator sim, NodeId node) {
    this.nic = nic;
    this.geometry = memory.geometry();
    this.staged = sim.metrics().counter(node, Shrimp1Counter.STAGED_BYTES);
    this.retries = sim.metrics().counter(node, Shrimp1Counter.SEND_RETRIES);
  }

  @Override
  public void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify) {
    Shrimp1ImportMapping m = (Shrimp1ImportMapping) mapping;
    SimProcess p = caller.process();
    m.acquire(p);
    try {
      long lastTicket = -1;
      int sent = 0;
      while (sent < length) {
        VirtualAddress sendPage = m.proxyAddress().plus((long) offset + sent);
        int piece = Math.min(length - sent,
            geometry.pageSize() - geometry.offsetInPage(sendPage.value()));
        stage(caller, source.plus(sent), sendPage, piece);
        boolean last = sent + piece == length;
        lastTicket = start(caller, m, m.shadowOf(sendPage),
            ShadowCommand.command(piece, last && notify));
        sent += piece;
      }
      LocalCompletion.await(caller, nic.engine, lastTicket);
    } finally {
      m.release();
    }
  }

  private void stage(UserContext caller, VirtualAddress from, VirtualAddress sendPage,
      int bytes) {
    byte[] words = new byte[bytes];
    Cpu cpu = caller.cpu();
    AddressSpace space = caller.addressSpace();
    cpu.read(caller.process(), space, from, words, 0, bytes);
    cpu.write(caller.process(), space, sendPage, words, 0, bytes);
    staged.add(bytes);
  }

  /** Issues the compare-and-exchange until the card takes it; returns the transfer's ticket. */
  private long start(UserContext caller, Shrimp1ImportMapping m, VirtualAddress shadow,
      int command) {
    SimProcess p = caller.process();
    while (true) {
      int answer = caller.cpu().compareAndExchange(p, caller.addressSpace(), shadow,
          ShadowCommand.READY, command);
      if (answer == ShadowCommand.READY) {
        // Nothing else ran since the locked cycle, so the engine's last ticket is this one.
        return nic.engine.nextTicket() - 1;
      }
      if (answer == ShadowCommand.INVALID && m.isUnmapped()) {
        // The import was revoked or undone while the send ran: the kernel's refusal.
        throw new VmmcException(VmmcException.Reason.REVOKED, m.buffer().id()
            + " is no longer imported: the card refused the send at shadow " + shadow);
      }
      if (answer != ShadowCommand.BUSY) {
        throw new IllegalStateException("the SHRIMP-I card refused command 0x"
            + Integer.toHexString(command) + " at shadow " + shadow + " with answer 0x"
            + Integer.toHexString(answer) + ": the library built a bad send");
      }
      retries.increment();
      p.awaitUntil(nic.engine.progress(), () -> !nic.engine.isFull());
    }
  }
}
