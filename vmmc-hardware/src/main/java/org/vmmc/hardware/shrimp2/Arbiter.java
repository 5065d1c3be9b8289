package org.vmmc.hardware.shrimp2;

import org.vmmc.core.SimTime;
import org.vmmc.core.net.Packet;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.nic.Packetizer;

/**
 * The arbiter: serialises the packets of the deliberate-update engine and of the outgoing FIFO
 * (automatic update) into the shared {@link Packetizer} at packet granularity, in the order
 * they are submitted; an automatic-update packet whose data is still passing the snoop logic
 * holds the ones behind it. The deliberate-update engine submits from its own events, straight
 * into the packetizer; the outgoing FIFO, and the drain barrier the kernel's revocation starts,
 * may submit from a process that ran ahead of global time (a bus write, a kernel call), so
 * that process catches up first and its packet takes its place in the order at its own time.
 */
final class Arbiter {
  private final Simulator sim;
  private final Packetizer packetizer;

  Arbiter(Simulator sim, Packetizer packetizer) {
    this.sim = sim;
    this.packetizer = packetizer;
  }

  /** The packetizer the arbiter feeds, which the deliberate-update engine submits to. */
  Packetizer packetizer() {
    return packetizer;
  }

  /**
   * Queues {@code packet}, whose data reaches the packetizer at {@code readyAt}; {@code
   * onInjected} runs once the backplane has taken it.
   */
  void submit(Packet packet, SimTime readyAt, Runnable onInjected) {
    syncCaller();
    packetizer.submit(packet, readyAt, onInjected);
  }

  /** Queues a drain marker or acknowledgement behind everything submitted so far, ready now. */
  void submitControl(Packet packet) {
    syncCaller();
    packetizer.submitControl(packet);
  }

  private void syncCaller() {
    SimProcess caller = sim.currentProcess();
    if (caller != null) {
      caller.sync();
    }
  }
}
