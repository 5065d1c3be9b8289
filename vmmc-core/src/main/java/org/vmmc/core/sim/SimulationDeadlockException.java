package org.vmmc.core.sim;

import java.util.List;
import org.vmmc.core.SimTime;

/**
 * No event was pending while processes were still blocked: nothing could ever wake them.
 * The message lists every blocked process and what it waits for.
 */
public final class SimulationDeadlockException extends SimulationException {
  private static final long serialVersionUID = 1L;

  /** One blocked process in the report. */
  public record Blocked(String process, String waitsFor, SimTime since) {
    @Override
    public String toString() {
      return process + " waits for " + waitsFor + " since " + since;
    }
  }

  private final transient List<Blocked> blocked;

  SimulationDeadlockException(SimTime time, List<Blocked> blocked) {
    super(report(time, blocked));
    this.blocked = List.copyOf(blocked);
  }

  private static String report(SimTime time, List<Blocked> blocked) {
    StringBuilder sb = new StringBuilder("deadlock at ").append(time)
        .append(": no event is pending and ").append(blocked.size())
        .append(" process(es) are blocked");
    for (Blocked b : blocked) {
      sb.append("\n  ").append(b);
    }
    return sb.toString();
  }

  /** The blocked processes, in the order they were spawned. */
  public List<Blocked> blocked() {
    return blocked;
  }
}
