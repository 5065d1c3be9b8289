package org.vmmc.kernel;

import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VmmcException;
import org.vmmc.core.VmmcException.Reason;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * A message between two kernels over the control network (design reference, section 5: the
 * VMMC control path). Messages are data only: each kernel decides by its own tables what a
 * message means when it arrives, since anything may have changed while it travelled.
 */
sealed interface ControlMessage {

  /** The name of the message's kind, as the trace shows it. */
  String kind();

  /** The importer's kernel asks for buffer {@code id} of {@code exporter}. */
  record ImportRequest(long request, ProcessId importer, ProcessId exporter, BufferId id)
      implements ControlMessage {
    @Override
    public String kind() {
      return "import-request";
    }
  }

  /**
   * The exporter's kernel answers request {@code request}: the buffer ({@code refusal} null),
   * or why not ({@code buffer} null).
   */
  record ImportReply(long request, RemoteBuffer buffer, Reason refusal, String detail)
      implements ControlMessage {
    static ImportReply granted(long request, RemoteBuffer buffer) {
      return new ImportReply(request, buffer, null, null);
    }

    static ImportReply refused(long request, Reason why, String detail) {
      return new ImportReply(request, null, why, detail);
    }

    VmmcException refusalException() {
      return new VmmcException(refusal, detail);
    }

    @Override
    public String kind() {
      return "import-reply";
    }
  }

  /** The exporter withdrew {@code buffer}: the importer's kernel drops its imports of it. */
  record Revoke(long withdrawal, ProcessId importer, RemoteBuffer buffer)
      implements ControlMessage {
    @Override
    public String kind() {
      return "revoke";
    }
  }

  /** The importer's kernel has dropped, and drained, its imports for {@code withdrawal}. */
  record RevokeAck(long withdrawal) implements ControlMessage {
    @Override
    public String kind() {
      return "revoke-ack";
    }
  }

  /** {@code importer} undid one import of {@code buffer}. */
  record Unimport(ProcessId importer, RemoteBuffer buffer) implements ControlMessage {
    @Override
    public String kind() {
      return "unimport";
    }
  }
}
