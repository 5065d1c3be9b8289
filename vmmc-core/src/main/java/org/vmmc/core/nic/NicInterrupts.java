package org.vmmc.core.nic;

import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.TracePoint;

/** The interrupts a network interface raises to its node's kernel. */
public interface NicInterrupts {

  /**
   * A packet that asked for a notification has been written to memory at {@code address}
   * ({@code length} bytes) and its frame has interrupts enabled.
   */
  void notification(NodeId source, PhysicalAddress address, int length);

  /**
   * A packet that asked for no notification, or whose frame has interrupts disabled, has been
   * written to memory at {@code address} ({@code length} bytes) and the interface interrupts
   * for it anyway ({@link ArrivalInterruptPolicy#EVERY_ARRIVAL}); the kernel takes the
   * interrupt's service time and delivers nothing to the receiving process.
   */
  void arrival(NodeId source, PhysicalAddress address, int length);

  /**
   * An error interrupt: a packet from {@code source} for {@code address} was dropped because its
   * frame is not enabled for receiving.
   */
  void droppedPacket(NodeId source, PhysicalAddress address, int length);

  /**
   * The design's own interrupt-level kernel code ran for {@code cpuTime} on the node's CPU
   * (such as a conventional interface's receive path, which copies each arrival in the
   * interrupt handler); the kernel takes that time from whatever runs there, and traces the
   * handler's return as {@code point} (the design's own, of stage
   * {@link org.vmmc.core.sim.Stage#INTERRUPT}).
   */
  void interruptService(SimDuration cpuTime, TracePoint point);
}
