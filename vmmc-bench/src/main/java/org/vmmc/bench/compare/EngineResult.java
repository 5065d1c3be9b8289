package org.vmmc.bench.compare;

import java.util.LinkedHashMap;
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
    SequencedMap<String, Object> f = new LinkedHashMap<>();
    f.put("experiment", experiment());
    f.put("pending", measured.pending());
    f.put("events_per_s", measured.eventsPerSecond());
    f.put("reference_events_per_s", measured.referenceEventsPerSecond());
    f.put("handoffs_per_s", measured.handoffsPerSecond());
    return f;
  }
}
