package org.vmmc.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.BufferId;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.NicDriver;
import org.vmmc.core.nic.RemoteBuffer;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.core.sim.Signal;

/**
 * The importer's side of the control path: the import request and the mapping made when the
 * exporter grants it, unimport, and the revocation of an import when its exporter withdraws
 * the buffer.
 */
final class Importing {
  private final Kernel kernel;
  private final NicDriver driver;
  private final MemoryGeometry geometry;
  private final Map<Long, PendingImport> pending = new HashMap<>();
  private long nextRequest;

  Importing(Kernel kernel, NicDriver driver) {
    this.kernel = kernel;
    this.driver = driver;
    this.geometry = kernel.memory().geometry();
  }

  /** The body of the import call: sends the request; the reply completes it. */
  PendingImport importAsync(KernelProcess caller, ProcessId exporter, BufferId id) {
    caller.process().consume(kernel.cycles(kernel.parameters().importCycles()));
    PendingImport request = new PendingImport(caller, exporter, id);
    long number = nextRequest++;
    pending.put(number, request);
    kernel.controlPath().send(exporter.node(),
        new ControlMessage.ImportRequest(number, caller.id(), exporter, id));
    return request;
  }

  void onImportReply(ControlMessage.ImportReply reply) {
    PendingImport request = pending.remove(reply.request());
    if (reply.refusal() != null) {
      request.refuse(reply.refusalException());
    } else {
      completeImport(request, reply.buffer());
    }
  }

  private void completeImport(PendingImport request, RemoteBuffer buffer) {
    KernelProcess caller = request.caller();
    if (caller.exited) {
      kernel.controlPath().send(buffer.exporter().node(),
          new ControlMessage.Unimport(caller.id(), buffer));
      request.refuse(new VmmcException(Reason.NO_SUCH_PROCESS, caller.id() + " has exited"));
      return;
    }
    int pages = driver.proxyPagesFor(buffer);
    long base = caller.nextProxyAddress;
    long end = base + (long) pages * geometry.pageSize();
    if (end > VirtualLayout.PROXY_LIMIT) {
      request.refuse(new VmmcException(Reason.OUT_OF_MEMORY,
          "no proxy address space left for " + pages + " pages"));
      return;
    }
    ImportMapping mapping;
    try {
      mapping = driver.mapImport(caller.space, geometry.pageOf(VirtualAddress.of(base)), buffer);
    } catch (VmmcException refusal) {
      // The design has no room for the import (table entries, send pages); it mapped nothing.
      // The exporter still lists the importer, which is harmless: a revoke finds no mapping.
      request.refuse(refusal);
      return;
    }
    caller.nextProxyAddress = end;
    Import imported = new Import(caller, buffer, mapping);
    caller.imports.add(imported);
    request.complete(imported);
  }

  /** The body of the unimport call. */
  void unimport(KernelProcess caller, Import imported) {
    caller.process().consume(kernel.cycles(kernel.parameters().unexportCycles()));
    if (!imported.revoked) {
      dropImport(caller, imported, true);
    }
  }

  /**
   * Unmaps {@code imported} and tells its exporter; with {@code wait}, returns once no transfer
   * through it is outstanding.
   */
  void dropImport(KernelProcess caller, Import imported, boolean wait) {
    imported.revoked = true;
    caller.imports.remove(imported);
    boolean[] drained = {false};
    Signal done = kernel.simulator().signal("transfers through " + imported + " to drain");
    driver.unmapImport(caller.space, imported.mapping,
        kernel.automaticUpdates().unbindThrough(imported, () -> {
          drained[0] = true;
          done.signalAll();
        }));
    RemoteBuffer buffer = imported.buffer;
    kernel.controlPath().send(buffer.exporter().node(),
        new ControlMessage.Unimport(caller.id(), buffer));
    if (wait) {
      caller.process().awaitUntil(done, () -> drained[0]);
    }
  }

  void onRevoke(NodeId from, ControlMessage.Revoke revoke) {
    Runnable acknowledge = () -> kernel.controlPath().send(from,
        new ControlMessage.RevokeAck(revoke.withdrawal()));
    KernelProcess p = kernel.process(revoke.importer().pid());
    List<Import> found = p == null ? List.of() : p.imports.of(revoke.buffer());
    if (found.isEmpty()) {
      acknowledge.run();
      return;
    }
    // One acknowledgement once every import of the buffer by this process has drained.
    int[] remaining = {found.size()};
    Runnable oneDrained = () -> {
      if (--remaining[0] == 0) {
        acknowledge.run();
      }
    };
    for (Import i : found) {
      i.revoked = true;
      p.imports.remove(i);
      driver.unmapImport(p.space, i.mapping,
          kernel.automaticUpdates().unbindThrough(i, oneDrained));
    }
  }
}
