package org.vmmc.hardware.nic;

import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;

/**
 * How a user library waits for local completion of a user-level send (design reference,
 * section 2: a deliberate update returns once its data has left the sender's memory): it polls
 * the outgoing DMA engine's status until the transfer has been read. The poll runs beside the
 * engine, so only the reference that sees the engine done is on the caller's path: one uncached
 * I/O reference (the CPU's {@code uncachedIoCycles}), charged when the caller had to wait at
 * all.
 */
public final class LocalCompletion {
  private LocalCompletion() {}

  /**
   * Returns once {@code engine} has read transfer {@code ticket} from memory; the caller's
   * process is synchronised first, so it is checked at the caller's own time.
   */
  public static void await(UserContext caller, OutgoingDmaEngine engine, long ticket) {
    SimProcess p = caller.process();
    p.sync();
    boolean waited = !engine.isComplete(ticket);
    p.awaitUntil(engine.progress(), () -> engine.isComplete(ticket));
    if (waited) {
      // The poll that sees the engine done is one more uncached reference.
      p.hold(caller.cpu().cycles(caller.cpu().parameters().uncachedIoCycles()));
    }
  }
}
