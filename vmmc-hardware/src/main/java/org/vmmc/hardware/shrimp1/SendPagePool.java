package org.vmmc.hardware.shrimp1;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Strings.lenientFormat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.VmmcException;

/**
 * The driver's send pages: a fixed range of physical frames, taken from the kernel's reserved
 * low memory, that the driver maps into importers as the only pages a send may start from.
 * Frames are handed out lowest first and zeroed by the driver before they are reused.
 */
final class SendPagePool {
  private final long first;
  private final int count;
  private final BitSet inUse;

  SendPagePool(long first, int count) {
    this.first = first;
    this.count = count;
    this.inUse = new BitSet(count);
  }

  /** True when {@code frame} belongs to the pool (in use or not). */
  boolean owns(FrameNumber frame) {
    return frame.value() >= first && frame.value() < first + count;
  }

  /** The index of {@code frame} in the pool, which must own it. */
  int indexOf(FrameNumber frame) {
    // Not checkArgument: the pool's bounds would be boxed on every send.
    if (!owns(frame)) {
      throw new IllegalArgumentException(lenientFormat(
          "%s is not a send page (the pool is frames %s to %s)", frame, first, first + count - 1));
    }
    return (int) (frame.value() - first);
  }

  /** Takes {@code n} frames; refuses with OUT_OF_MEMORY, taking none, when fewer are free. */
  List<FrameNumber> allocate(int n) {
    if (count - inUse.cardinality() < n) {
      throw new VmmcException(VmmcException.Reason.OUT_OF_MEMORY, "an import of " + n
          + " pages needs " + n + " SHRIMP-I send pages, but only "
          + (count - inUse.cardinality()) + " of " + count + " are free");
    }
    List<FrameNumber> frames = new ArrayList<>(n);
    int i = 0;
    while (frames.size() < n) {
      i = inUse.nextClearBit(i);
      inUse.set(i);
      frames.add(new FrameNumber(first + i));
    }
    return frames;
  }

  /** Gives {@code frame} back. */
  void free(FrameNumber frame) {
    int i = indexOf(frame);
    checkState(inUse.get(i), "send page %s is not in use", frame);
    inUse.clear(i);
  }

  /** Frames in use. */
  int inUse() {
    return inUse.cardinality();
  }

  /** Frames in the pool. */
  int size() {
    return count;
  }
}
