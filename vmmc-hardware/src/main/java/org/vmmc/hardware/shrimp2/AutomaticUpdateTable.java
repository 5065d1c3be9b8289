package org.vmmc.hardware.shrimp2;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.NodeId;
import org.vmmc.core.nic.CombiningMode;

/**
 * The automatic-update half of the outgoing page table: one entry per local physical frame,
 * which the snoop logic looks up for every write on the Xpress bus and the packetizer reads
 * to build a packet's header (design reference, section 4.2; the fields are inferred).
 *
 * <pre>
 *   entry f (one per local physical frame)
 *   +----------------+--------+------------------+----------------------------+
 *   | combining mode | notify | destination node | destination physical frame |
 *   +----------------+--------+------------------+----------------------------+
 * </pre>
 * A frame whose mode is {@link CombiningMode#DISABLE}, as every frame is until the kernel
 * binds it, is not snooped: its writes stay local. A store at offset {@code o} of a bound
 * frame goes to offset {@code o} of the destination frame, so bindings are whole pages.
 */
final class AutomaticUpdateTable {

  /**
   * The entry of a bound frame.
   *
   * @param mode how its stores are combined into packets (never DISABLE)
   * @param notifies whether every packet asks the receiver for a notification
   * @param destination the node the stores go to
   * @param destinationFrame the frame of the destination node they go to
   */
  record Entry(CombiningMode mode, boolean notifies, NodeId destination,
      FrameNumber destinationFrame) {
    Entry {
      requireNonNull(mode, "mode");
      requireNonNull(destination, "destination");
      requireNonNull(destinationFrame, "destinationFrame");
      checkArgument(mode.propagates(), "an automatic-update entry needs a combining mode that"
          + " propagates, not %s", mode);
    }
  }

  private final Map<Long, Entry> entries = new HashMap<>();

  /** Enables automatic update of {@code frame} as {@code entry} says. */
  void program(FrameNumber frame, Entry entry) {
    entries.put(frame.value(), requireNonNull(entry, "entry"));
  }

  /** Sets the entry of {@code frame} back to DISABLE. */
  void disable(FrameNumber frame) {
    entries.remove(frame.value());
  }

  /** The entry of {@code frame}, or null when its mode is DISABLE. */
  Entry lookup(FrameNumber frame) {
    return entries.get(frame.value());
  }

  /** The combining mode of {@code frame}. */
  CombiningMode mode(FrameNumber frame) {
    Entry e = entries.get(frame.value());
    return e == null ? CombiningMode.DISABLE : e.mode();
  }
}
