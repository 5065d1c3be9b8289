package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.SimDuration;

/**
 * Time of a traced message that the event trace puts in one component but belongs to another:
 * work a process or a kernel handler charges to a clock inside one traced interval, which
 * leaves no event of its own. It is moved by count: how often the work happened (a counter's
 * growth over the message) times what it costs (its parameters).
 *
 * @param from the component the trace charged the interval to
 * @param to the component the work belongs to
 * @param amount how much to move; the breakdown moves at most what {@code from} holds
 */
public record Share(Component from, Component to, SimDuration amount) {

  /** Checks the fields. */
  public Share {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(amount, "amount");
    checkArgument(from != to, "a share moves time between two components, not within %s", from);
  }
}
