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
    if (caller.exiting) {
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

  /** The body of the unimport call: undoing an import already undone does nothing more. */
  void unimport(KernelProcess caller, Import imported) {
    caller.process().consume(kernel.cycles(kernel.parameters().unexportCycles()));
    dropImport(caller, imported, true);
  }

  /**
   * Undoes {@code imported} and, once it has drained, tells its exporter, unless its end has
   * begun already (an unimport, a revocation); with {@code wait}, returns once no transfer
   * through it is outstanding, whoever began its end.
   */
  void dropImport(KernelProcess owner, Import imported, boolean wait) {
    if (imported.teardown.begin()) {
      end(owner, imported);
      RemoteBuffer buffer = imported.buffer;
      // The exporter forgets the importer only once nothing sent through the import is
      // outstanding: an unexport that comes meanwhile must still revoke it and wait for that.
      imported.teardown.whenFinished(() -> kernel.controlPath().send(buffer.exporter().node(),
          new ControlMessage.Unimport(owner.id(), buffer)));
    }
    if (wait) {
      imported.teardown.await(owner.process());
    }
  }

  void onRevoke(NodeId from, ControlMessage.Revoke revoke) {
    Runnable acknowledge = () -> kernel.controlPath().send(from,
        new ControlMessage.RevokeAck(revoke.withdrawal()));
    KernelProcess p = kernel.process(revoke.importer().pid());
    List<Import> found = p == null ? List.of() : p.imports.of(revoke.buffer());
    // One acknowledgement once every import of the buffer by this process has drained,
    // including one whose end an unimport or an exit began before the revocation came.
    Countdown drained = new Countdown(found.size(), acknowledge);
    for (Import i : found) {
      if (i.teardown.begin()) {
        end(p, i);
      }
      i.teardown.whenFinished(drained::countDown);
    }
  }

  /**
   * Ends the import's automatic-update bindings, then unmaps it; it leaves the import table
   * once nothing sent through it is outstanding, so a revocation that comes meanwhile finds it
   * and waits for it.
   */
  private void end(KernelProcess owner, Import imported) {
    kernel.automaticUpdates().unbindThrough(imported,
        whenDrained -> driver.unmapImport(owner.space, imported.mapping, whenDrained),
        () -> {
          owner.imports.remove(imported);
          imported.teardown.finish();
        });
  }
}
