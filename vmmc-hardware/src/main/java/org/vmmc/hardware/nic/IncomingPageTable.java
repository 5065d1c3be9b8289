package org.vmmc.hardware.nic;

import java.util.BitSet;
import org.vmmc.core.FrameNumber;

/**
 * The incoming page table: per local physical frame, whether packets may be received into it
 * and whether a packet that asks for a notification may interrupt the kernel.
 *
 * <pre>
 *   entry f (one per physical frame)
 *   +-----------------+-------------------+
 *   | receive enabled | interrupt enabled |
 *   +-----------------+-------------------+
 * </pre>
 */
public final class IncomingPageTable {
  private final BitSet receive = new BitSet();
  private final BitSet interrupt = new BitSet();

  public void enable(FrameNumber frame, boolean interrupts) {
    int f = Math.toIntExact(frame.value());
    receive.set(f);
    interrupt.set(f, interrupts);
  }

  public void disable(FrameNumber frame) {
    int f = Math.toIntExact(frame.value());
    receive.clear(f);
    interrupt.clear(f);
  }

  public boolean receiveEnabled(FrameNumber frame) {
    return receive.get(Math.toIntExact(frame.value()));
  }

  public boolean interruptEnabled(FrameNumber frame) {
    return interrupt.get(Math.toIntExact(frame.value()));
  }
}
