package org.vmmc.hardware.shrimp2;

import org.vmmc.core.NodeId;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.stats.Counter;
import org.vmmc.core.stats.Metrics;

/**
 * The automatic-update counters of one interface ({@link Shrimp2Counter}): {@code au-words}
 * (stores snooped into the outgoing FIFO, one per bus write), {@code au-words-injected} (those
 * whose packet the network has taken, so the difference is what the interface still holds, in
 * an open combining packet or waiting for the network: nothing vanishes unreported),
 * {@code au-packets} and
 * {@code au-bytes} (packets built from them and their payload), {@code au-stalls} (bus writes
 * held because the FIFO was full). Automatic-update packets also count in the interface's
 * {@code packets-sent} and {@code bytes-sent}, with the deliberate-update ones.
 */
record AutomaticUpdateCounters(Counter words, Counter wordsInjected, Counter packets,
    Counter bytes, Counter stalls, Counter packetsSent, Counter bytesSent) {

  /** The counters of node {@code node}'s interface. */
  static AutomaticUpdateCounters of(Metrics metrics, NodeId node) {
    return new AutomaticUpdateCounters(metrics.counter(node, Shrimp2Counter.AU_WORDS),
        metrics.counter(node, Shrimp2Counter.AU_WORDS_INJECTED),
        metrics.counter(node, Shrimp2Counter.AU_PACKETS),
        metrics.counter(node, Shrimp2Counter.AU_BYTES),
        metrics.counter(node, Shrimp2Counter.AU_STALLS),
        metrics.counter(node, NicCounter.PACKETS_SENT),
        metrics.counter(node, NicCounter.BYTES_SENT));
  }

  /** Counts one automatic-update packet of {@code payloadBytes} bytes. */
  void packetSent(int payloadBytes) {
    packets.increment();
    bytes.add(payloadBytes);
    packetsSent.increment();
    bytesSent.add(payloadBytes);
  }
}
