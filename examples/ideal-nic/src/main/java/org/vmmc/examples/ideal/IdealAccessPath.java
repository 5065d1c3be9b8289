package org.vmmc.examples.ideal;

import com.google.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Access;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.hw.Translation;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.UserAccessPath;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.SimulatorBugException;

/**
 * How the user library sends on the ideal interface: no system call and no time. The message is
 * cut where its destination crosses a page or reaches the packet size; for each piece, once the
 * interface has room, the destination proxy is translated through the sender's page table (the
 * protection check: only the kernel maps proxies, so only the sender's own live imports
 * translate), the source words are translated and copied into a packet, and the packet is
 * queued for the backplane, all in one step of the sender, so no revocation falls between the
 * check and the copy. The call returns when the last piece is in a packet: the data has left
 * the sender's memory.
 */
final class IdealAccessPath implements UserAccessPath {
  private static final Set<PacketFlag> DATA = EnumSet.of(PacketFlag.DELIBERATE_UPDATE);
  private static final Set<PacketFlag> NOTIFYING =
      EnumSet.of(PacketFlag.DELIBERATE_UPDATE, PacketFlag.NOTIFY);

  private final IdealInterface nic;
  private final NodeId node;
  private final PhysicalMemory memory;
  private final MemoryGeometry geometry;

  @Inject
  IdealAccessPath(IdealInterface nic, NodeId node, PhysicalMemory memory) {
    this.nic = nic;
    this.node = node;
    this.memory = memory;
    this.geometry = memory.geometry();
  }

  @Override
  public void send(UserContext caller, VirtualAddress source, ImportMapping mapping, int offset,
      int length, boolean notify) {
    SimProcess p = caller.process();
    AddressSpace space = caller.addressSpace();
    VirtualAddress destination = mapping.proxyAddress().plus(offset);
    int sent = 0;
    while (sent < length) {
      // Synchronises first, so the copy sees memory as it is at the sender's own time.
      p.awaitUntil(nic.port.progress(), () -> !nic.port.isFull());
      Translation proxy = space.translate(destination.plus(sent), Access.WRITE, false);
      OutgoingTable.Entry entry = entryOf(proxy);
      int piece = Math.min(length - sent, Math.min(
          geometry.pageSize() - proxy.offsetInPage(), nic.parameters.maxPacketPayload()));
      byte[] data = new byte[piece];
      copy(space, source.plus(sent), data);
      boolean last = sent + piece == length;
      nic.port.send(new Packet(node, entry.node(),
          geometry.baseOf(entry.frame()).plus(proxy.offsetInPage()), data,
          last && notify ? NOTIFYING : DATA));
      sent += piece;
    }
  }

  private OutgoingTable.Entry entryOf(Translation proxy) {
    if (!proxy.isDevice() || proxy.devicePage().device() != nic.proxies) {
      throw new SimulatorBugException(proxy.address() + " is an import's proxy address but maps"
          + " to " + proxy.entry().target() + ", not to an ideal interface proxy page");
    }
    OutgoingTable.Entry entry = nic.outgoing.lookup(proxy.devicePage().pageIndex());
    if (entry == null) {
      throw new SimulatorBugException("proxy page " + proxy.devicePage().pageIndex()
          + " is still mapped at " + proxy.address() + " but its outgoing entry was removed");
    }
    return entry;
  }

  /** Copies {@code into.length} bytes of the sender's memory from {@code from} on. */
  private void copy(AddressSpace space, VirtualAddress from, byte[] into) {
    int done = 0;
    while (done < into.length) {
      VirtualAddress at = from.plus(done);
      Translation t = space.translate(at, Access.READ, true);
      int chunk = Math.min(into.length - done, geometry.pageSize() - t.offsetInPage());
      memory.read(t.physicalAddress(), into, done, chunk);
      done += chunk;
    }
  }
}
