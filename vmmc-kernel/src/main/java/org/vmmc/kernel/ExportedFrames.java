package org.vmmc.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.nic.NicDriver;

/**
 * Which of a node's frames hold exported receive buffers, and the interface's incoming table
 * kept to match: a frame receives while any export covers it, and interrupts while any of those
 * exports has a handler. Several buffers may share a frame (buffers need only be word-aligned).
 */
final class ExportedFrames {
  /** The exports that cover one frame, and how many of them have a handler. */
  private static final class Use {
    final List<Export> exports = new ArrayList<>();
    int withHandler;
  }

  private final NicDriver driver;
  private final MemoryGeometry geometry;
  private final Map<Long, Use> frames = new HashMap<>();

  ExportedFrames(NicDriver driver, MemoryGeometry geometry) {
    this.driver = driver;
    this.geometry = geometry;
  }

  /** Enables receiving into {@code e}'s frames (with interrupts if it has a handler). */
  void add(Export e) {
    for (FrameNumber f : e.frames) {
      Use use = frames.computeIfAbsent(f.value(), k -> new Use());
      use.exports.add(e);
      if (e.handler != null) {
        use.withHandler++;
      }
      driver.enableReceive(f, use.withHandler > 0);
    }
  }

  /** Disables each of {@code e}'s frames that no other export covers; updates the others. */
  void remove(Export e) {
    for (FrameNumber f : e.frames) {
      Use use = frames.get(f.value());
      use.exports.remove(e);
      if (e.handler != null) {
        use.withHandler--;
      }
      if (use.exports.isEmpty()) {
        frames.remove(f.value());
        driver.disableReceive(f);
      } else {
        driver.enableReceive(f, use.withHandler > 0);
      }
    }
  }

  /** A location within an exported buffer. */
  record Hit(Export export, int offset) {}

  /** The export with a handler whose buffer holds {@code address}, or null. */
  Hit find(PhysicalAddress address) {
    FrameNumber frame = geometry.frameOf(address);
    Use use = frames.get(frame.value());
    if (use == null) {
      return null;
    }
    for (Export e : use.exports) {
      int offset = e.bufferOffset(e.frames.indexOf(frame),
          geometry.offsetInPage(address.value()), geometry.pageSize());
      if (offset >= 0 && offset < e.length && e.handler != null) {
        return new Hit(e, offset);
      }
    }
    return null;
  }
}
