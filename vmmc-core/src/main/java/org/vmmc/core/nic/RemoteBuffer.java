package org.vmmc.core.nic;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ProcessId;

/**
 * An exported receive buffer as its exporter's kernel describes it to an importer: which
 * physical frames of which node hold it, and where in the first frame it starts.
 *
 * @param exporter the process that exported the buffer (its node is the destination node)
 * @param id the buffer's id within the exporter
 * @param frames the frames the buffer touches, in address order
 * @param firstOffset the buffer's start within the first frame, in bytes
 * @param length the buffer's length in bytes
 * @param generation a number that changes each time the exporter's kernel exports a buffer, so
 *     an import of an old export can be told from one of a new export of the same id
 */
public record RemoteBuffer(
    ProcessId exporter, BufferId id, List<FrameNumber> frames, int firstOffset, int length,
    long generation) {

  /** Checks the description. */
  public RemoteBuffer {
    requireNonNull(exporter, "exporter");
    requireNonNull(id, "id");
    frames = List.copyOf(frames);
    checkArgument(!frames.isEmpty(), "a buffer touches at least one frame");
    checkArgument(firstOffset >= 0, "first offset must not be negative: %s", firstOffset);
    checkArgument(length > 0, "buffer length must be positive: %s", length);
  }
}
