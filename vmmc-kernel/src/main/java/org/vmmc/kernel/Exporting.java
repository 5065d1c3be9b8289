package org.vmmc.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.PageTableEntry;

/**
 * The exporter's side of the control path: export and unexport, the answer to an import
 * request (the permission check is the exporter's), and the withdrawal of a buffer, which
 * revokes every import of it and waits for each importer's kernel to acknowledge.
 */
final class Exporting {
  /** A withdrawal waiting for its importers' acknowledgements. */
  private static final class Withdrawal {
    final Export export;
    int outstanding;

    Withdrawal(Export export, int outstanding) {
      this.export = export;
      this.outstanding = outstanding;
    }
  }

  private final Kernel kernel;
  private final ExportTable table;
  private final MemoryGeometry geometry;
  private final Map<Long, Withdrawal> withdrawals = new HashMap<>();
  private long nextWithdrawal;

  Exporting(Kernel kernel, ExportTable table) {
    this.kernel = kernel;
    this.table = table;
    this.geometry = kernel.memory().geometry();
  }

  /** The body of the export call: the arguments are checked. */
  Export export(KernelProcess caller, VirtualAddress start, int length, BufferId id,
      ImportPolicy policy, NotificationHandler handler) {
    kernel.userMemory().requireAllocated(caller, start.value(), length);
    List<FrameNumber> frames = new ArrayList<>();
    int pages = geometry.pagesSpanned(start.value(), length);
    for (int i = 0; i < pages; i++) {
      VirtualAddress va = start.plus((long) i * geometry.pageSize());
      PageTableEntry entry = caller.space.entry(geometry.pageOf(va)).orElseThrow();
      frames.add(((MemoryFrame) entry.target()).frame());
    }
    Export e = table.add(caller, id, start, length, frames, policy, handler);
    if (handler != null) {
      caller.notifications.ensureStarted();
    }
    caller.process().consume(kernel.cycles(kernel.parameters().exportCycles()));
    return e;
  }

  /** The body of the unexport call: unexporting a buffer already unexported does nothing more. */
  void unexport(KernelProcess caller, Export e) {
    caller.process().consume(kernel.cycles(kernel.parameters().unexportCycles()));
    withdraw(caller, e, true);
  }

  /** The body of the importers query. */
  Set<ProcessId> importers(KernelProcess caller, BufferId id) {
    Export e = table.find(caller, id);
    if (e == null) {
      throw new VmmcException(Reason.NO_SUCH_EXPORT, caller.id() + " does not export " + id);
    }
    return Set.copyOf(e.importers.elementSet());
  }

  /**
   * Removes {@code e} and revokes every import of it, unless its withdrawal has begun already;
   * with {@code wait}, returns once every importer's kernel has acknowledged, whoever began it.
   */
  void withdraw(KernelProcess owner, Export e, boolean wait) {
    if (e.teardown.begin()) {
      table.remove(e);
      List<ProcessId> importers = List.copyOf(e.importers.elementSet());
      e.importers.clear();
      long id = nextWithdrawal++;
      if (importers.isEmpty()) {
        e.teardown.finish();
      } else {
        withdrawals.put(id, new Withdrawal(e, importers.size()));
      }
      for (ProcessId importer : importers) {
        kernel.controlPath().send(importer.node(),
            new ControlMessage.Revoke(id, importer, e.describe()));
      }
    }
    if (wait) {
      e.teardown.await(owner.process());
    }
  }

  /** The ends begun but not finished of {@code owner}'s buffers that overlap {@code [from, to)}. */
  List<Teardown> endingIn(KernelProcess owner, long from, long to) {
    List<Teardown> ending = new ArrayList<>();
    for (Withdrawal w : withdrawals.values()) {
      if (w.export.owner == owner && w.export.overlaps(from, to)) {
        ending.add(w.export.teardown);
      }
    }
    return ending;
  }

  void onImportRequest(NodeId from, ControlMessage.ImportRequest request) {
    ProcessId exporter = request.exporter();
    ProcessId importer = request.importer();
    KernelProcess owner = kernel.liveProcess(exporter.pid());
    ControlMessage.ImportReply reply;
    Export e = owner == null ? null : table.find(owner, request.id());
    if (owner == null) {
      reply = ControlMessage.ImportReply.refused(request.request(), Reason.NO_SUCH_PROCESS,
          exporter + " does not exist");
    } else if (e == null) {
      reply = ControlMessage.ImportReply.refused(request.request(), Reason.NO_SUCH_EXPORT,
          exporter + " does not export " + request.id());
    } else if (!e.policy.allows(importer)) {
      kernel.count(KernelCounter.IMPORTS_REFUSED);
      reply = ControlMessage.ImportReply.refused(request.request(), Reason.PERMISSION_DENIED,
          exporter + " does not let " + importer + " import " + request.id());
    } else {
      e.importers.add(importer);
      reply = ControlMessage.ImportReply.granted(request.request(), e.describe());
    }
    kernel.controlPath().send(from, reply);
  }

  void onRevokeAck(ControlMessage.RevokeAck ack) {
    Withdrawal w = withdrawals.get(ack.withdrawal());
    if (--w.outstanding == 0) {
      withdrawals.remove(ack.withdrawal());
      w.export.teardown.finish();
    }
  }

  void onUnimport(ControlMessage.Unimport message) {
    KernelProcess owner = kernel.process(message.buffer().exporter().pid());
    if (owner != null) {
      Export e = table.find(owner, message.buffer().id());
      if (e != null && e.generation == message.buffer().generation()) {
        e.importers.remove(message.importer());
      }
    }
  }
}
