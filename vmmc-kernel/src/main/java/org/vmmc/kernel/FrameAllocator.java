package org.vmmc.kernel;

import java.util.ArrayDeque;
import java.util.BitSet;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.VmmcException;

/** Hands out a node's physical frames above the kernel's own, lowest first, and takes them back. */
final class FrameAllocator {
  private final int first;
  private final int limit;
  private final ArrayDeque<Integer> freed = new ArrayDeque<>();
  private final BitSet inUse = new BitSet();
  private int next;

  FrameAllocator(int reservedFrames, int frameCount) {
    this.first = reservedFrames;
    this.limit = frameCount;
    this.next = reservedFrames;
  }

  FrameNumber allocate() {
    int frame;
    if (!freed.isEmpty()) {
      frame = freed.poll();
    } else if (next < limit) {
      frame = next++;
    } else {
      throw new VmmcException(VmmcException.Reason.OUT_OF_MEMORY,
          "all " + (limit - first) + " user frames are in use");
    }
    inUse.set(frame);
    return new FrameNumber(frame);
  }

  void free(FrameNumber frame) {
    int f = Math.toIntExact(frame.value());
    if (!inUse.get(f)) {
      throw new IllegalStateException(frame + " is not allocated");
    }
    inUse.clear(f);
    freed.add(f);
  }

  /** Frames that {@link #allocate} can still hand out. */
  int framesFree() {
    return freed.size() + (limit - next);
  }

  int framesInUse() {
    return inUse.cardinality();
  }
}
