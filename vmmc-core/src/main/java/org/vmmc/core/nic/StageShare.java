package org.vmmc.core.nic;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Stage;

/**
 * Time of a traced message that the event trace puts in one stage but that belongs to another:
 * work a process or a kernel handler charges to a clock inside one traced interval, which
 * leaves no event of its own. It is moved by count: how often the work happened (a counter's
 * growth over the message) times what it costs (its parameters).
 *
 * @param from the stage the trace charged the interval to
 * @param to the stage the work belongs to
 * @param amount how much to move; a breakdown moves at most what {@code from} holds
 */
public record StageShare(Stage from, Stage to, SimDuration amount) {

  /** Checks the fields. */
  public StageShare {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(amount, "amount");
    checkArgument(from != to, "a share moves time between two stages, not within %s", from);
  }
}
