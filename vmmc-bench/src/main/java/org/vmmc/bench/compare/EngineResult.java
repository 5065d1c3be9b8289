package org.vmmc.bench.compare;

import java.util.SequencedMap;
import org.vmmc.bench.engine.EngineRecord;

/**
 * The simulation engine's speed at one size of the pending-event list; wall-clock figures, so
 * they differ from run to run.
 *
 * @param measured the engine benchmark's record
 */
public record EngineResult(EngineRecord measured) implements Result {

  @Override
  public String experiment() {
    return "engine";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    return ResultFields.of(this, "pending", measured.pending(),
        "events_per_s", measured.eventsPerSecond(),
        "reference_events_per_s", measured.referenceEventsPerSecond(),
        "handoffs_per_s", measured.handoffsPerSecond());
  }
}
