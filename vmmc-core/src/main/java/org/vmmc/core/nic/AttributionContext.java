package org.vmmc.core.nic;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.stats.CounterKey;

/** What a design may consult to attribute a traced message's time: parameters and counters. */
public interface AttributionContext {

  /** The parameters of component {@code set} in the machine the message was traced on. */
  <R extends Record> R parameters(ParameterSet<R, ?> set);

  /** The memory geometry of the machine's nodes. */
  MemoryGeometry geometry();

  /** How much the sending node's counter {@code key} grew during the message. */
  long senderCount(CounterKey key);

  /** How much the receiving node's counter {@code key} grew during the message. */
  long receiverCount(CounterKey key);
}
