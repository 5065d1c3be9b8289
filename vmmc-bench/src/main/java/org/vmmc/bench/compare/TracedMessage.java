package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.stats.CounterKey;

/**
 * What a design's plug-in may consult to place a traced message's time: the parameters of the
 * machine it was traced on and its nodes' counters over the message.
 */
record TracedMessage(MachineConfig config, OneWay message) implements AttributionContext {

  TracedMessage {
    requireNonNull(config, "config");
    requireNonNull(message, "message");
  }

  @Override
  public <R extends Record> R parameters(ParameterSet<R, ?> set) {
    // The node set's record holds the processor and buses of their own sets, as the machine
    // is built with them.
    return set.equals(MachineConfig.NODE) ? set.type().cast(config.hardware()) : config.get(set);
  }

  @Override
  public MemoryGeometry geometry() {
    return config.hardware().geometry();
  }

  @Override
  public long senderCount(CounterKey key) {
    return message.senderCount(key);
  }

  @Override
  public long receiverCount(CounterKey key) {
    return message.receiverCount(key);
  }
}
