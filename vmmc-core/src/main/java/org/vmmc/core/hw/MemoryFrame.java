package org.vmmc.core.hw;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.FrameNumber;

/**
 * A page mapped to a frame of the node's physical memory.
 *
 * @param frame the physical frame
 */
public record MemoryFrame(FrameNumber frame) implements PageTarget {

  /** Checks that the frame is given. */
  public MemoryFrame {
    requireNonNull(frame, "frame");
  }

  @Override
  public String toString() {
    return frame.toString();
  }
}
