package org.vmmc.core.nic;

import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;

/**
 * Which interrupt a network interface with {@link NicFeature#POLLED_RECEIVE} raises for a
 * packet it has written to memory. One is bound in every node's injector: {@link #AS_REQUESTED}
 * unless an experiment binds {@link #EVERY_ARRIVAL} to measure what interrupt-free receiving
 * saves. A design with polled receive injects it and hands each written packet to it, once
 * the data is in memory; it never decides the interrupt itself.
 */
public interface ArrivalInterruptPolicy {

  /**
   * As the packet asks and the frame allows (design reference, section 4.4): a notification
   * when {@code packet} asks for one and its frame has interrupts enabled, nothing otherwise.
   */
  ArrivalInterruptPolicy AS_REQUESTED = (packet, frameInterrupts, kernel) -> {
    if (asksForNotification(packet, frameInterrupts)) {
      kernel.notification(packet.source(), packet.destinationAddress(), packet.payloadLength());
    }
  };

  /**
   * Every arrival, as an interface that needs the kernel on every receive would: the
   * notification {@link #AS_REQUESTED} raises, and for every other packet a plain arrival
   * interrupt that costs the kernel its service time and delivers no notification.
   */
  ArrivalInterruptPolicy EVERY_ARRIVAL = (packet, frameInterrupts, kernel) -> {
    if (asksForNotification(packet, frameInterrupts)) {
      kernel.notification(packet.source(), packet.destinationAddress(), packet.payloadLength());
    } else {
      kernel.arrival(packet.source(), packet.destinationAddress(), packet.payloadLength());
    }
  };

  /**
   * Raises on {@code kernel} the interrupt, if any, for {@code packet}, which has just been
   * written to memory into a frame whose interrupt bit is {@code frameInterrupts}.
   */
  void written(Packet packet, boolean frameInterrupts, NicInterrupts kernel);

  /** True when {@code packet} asks for a notification and its frame allows interrupts. */
  private static boolean asksForNotification(Packet packet, boolean frameInterrupts) {
    return frameInterrupts && packet.has(PacketFlag.NOTIFY);
  }
}
