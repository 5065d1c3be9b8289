package org.vmmc.bench.vmmc;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.core.stats.CounterKey;
import org.vmmc.core.stats.Metrics;

/**
 * One measured one-way message, as the two processes and the simulator's event trace saw it.
 *
 * @param bytes the message size in bytes
 * @param senderNode the sending node
 * @param receiverNode the receiving node
 * @param sender the sending process's name (its simulated thread's resumptions are traced as
 *     {@link org.vmmc.core.sim.Stage#PROCESS} events under it)
 * @param receiver the receiving process's name
 * @param sendStart the sender's clock just before it started the message
 * @param sendReturn the sender's clock when its send returned (local completion)
 * @param seen the receiver's clock when it saw the message's flag word
 * @param senderSystemCalls system calls the sender made while sending
 * @param events every event the simulator dispatched from {@code sendStart} to {@code seen},
 *     in dispatch order
 * @param counters how much each simulation counter grew from {@code sendStart} to
 *     {@code seen}, by the name reports give it; counters that did not change are left out
 */
public record OneWay(
    int bytes,
    NodeId senderNode,
    NodeId receiverNode,
    String sender,
    String receiver,
    SimTime sendStart,
    SimTime sendReturn,
    SimTime seen,
    long senderSystemCalls,
    List<TraceRecord> events,
    SortedMap<String, Long> counters) {

  /** Copies the lists. */
  public OneWay {
    events = List.copyOf(events);
    counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
  }

  /** The one-way latency: from the start of the send to the receiver seeing the flag. */
  public SimDuration latency() {
    return seen.since(sendStart);
  }

  /** The time the sender spent in its send call. */
  public SimDuration sendTime() {
    return sendReturn.since(sendStart);
  }

  /** How much {@code node}'s counter {@code key} grew during the message (zero if it did not). */
  public long count(NodeId node, CounterKey key) {
    return counters.getOrDefault(Metrics.name(node, key), 0L);
  }

  /** How much the sending node's counter {@code key} grew during the message. */
  public long senderCount(CounterKey key) {
    return count(senderNode, key);
  }

  /** How much the receiving node's counter {@code key} grew during the message. */
  public long receiverCount(CounterKey key) {
    return count(receiverNode, key);
  }
}
