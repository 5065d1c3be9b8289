package org.vmmc.hardware.conventional;

import java.util.BitSet;
import org.vmmc.core.FrameNumber;

/**
 * The kernel's table of frames that accept arriving data: per local physical frame, whether
 * the kernel copies arriving data into it and whether a message that asks for a notification
 * raises one. On a conventional interface the card has no such table; the kernel checks it in
 * software before it copies.
 *
 * <pre>
 *   entry f (one per physical frame)
 *   +-----------------+----------------------+
 *   | receive enabled | notification enabled |
 *   +-----------------+----------------------+
 * </pre>
 */
final class ReceiveTable {
  private final BitSet receive = new BitSet();
  private final BitSet interrupt = new BitSet();

  void enable(FrameNumber frame, boolean interrupts) {
    int f = Math.toIntExact(frame.value());
    receive.set(f);
    interrupt.set(f, interrupts);
  }

  void disable(FrameNumber frame) {
    int f = Math.toIntExact(frame.value());
    receive.clear(f);
    interrupt.clear(f);
  }

  boolean receiveEnabled(FrameNumber frame) {
    return receive.get(Math.toIntExact(frame.value()));
  }

  boolean interruptEnabled(FrameNumber frame) {
    return interrupt.get(Math.toIntExact(frame.value()));
  }
}
