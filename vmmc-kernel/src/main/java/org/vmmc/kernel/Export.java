package org.vmmc.kernel;

import com.google.common.collect.LinkedHashMultiset;
import com.google.common.collect.Multiset;
import java.util.List;
import org.vmmc.core.BufferId;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.RemoteBuffer;

/** A receive buffer a process exports, as its kernel keeps it. */
public final class Export {
  final KernelProcess owner;
  final BufferId id;
  final VirtualAddress start;
  final int length;
  final List<FrameNumber> frames;
  final int firstOffset;
  final ImportPolicy policy;
  final NotificationHandler handler;
  final long generation;
  /** Who imported the buffer, once per import (a process may import it more than once). */
  final Multiset<ProcessId> importers = LinkedHashMultiset.create();
  /** Begun by unexport or exit; finished once every importer has acknowledged. */
  final Teardown teardown;

  Export(KernelProcess owner, BufferId id, VirtualAddress start, int length,
      List<FrameNumber> frames, int firstOffset, ImportPolicy policy,
      NotificationHandler handler, long generation) {
    this.owner = owner;
    this.id = id;
    this.start = start;
    this.length = length;
    this.frames = List.copyOf(frames);
    this.firstOffset = firstOffset;
    this.policy = policy;
    this.handler = handler;
    this.generation = generation;
    this.teardown = new Teardown(owner.kernel.simulator(), "the " + this);
  }

  /** The buffer's id. */
  public BufferId id() {
    return id;
  }

  /** The buffer's first virtual address in the exporter. */
  public VirtualAddress start() {
    return start;
  }

  /** The buffer's length in bytes. */
  public int length() {
    return length;
  }

  /** True once the buffer has been unexported. */
  public boolean isWithdrawn() {
    return teardown.isBegun();
  }

  RemoteBuffer describe() {
    return new RemoteBuffer(owner.id(), id, frames, firstOffset, length, generation);
  }

  boolean overlaps(long from, long to) {
    return start.value() < to && from < start.value() + length;
  }

  /** The offset within the buffer of byte {@code offsetInFrame} of frame number {@code index}. */
  int bufferOffset(int frameIndex, int offsetInFrame, int pageSize) {
    return frameIndex * pageSize + offsetInFrame - firstOffset;
  }

  @Override
  public String toString() {
    return "export of " + id + " by " + owner.id() + " (" + length + " bytes at " + start + ")";
  }
}
