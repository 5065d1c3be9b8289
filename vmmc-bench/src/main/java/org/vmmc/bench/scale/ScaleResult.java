package org.vmmc.bench.scale;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.vmmc.bench.compare.Result;

/**
 * One scenario of the scale experiment as a results record. Thread switches per message are
 * not measured (the JDK counts no virtual-thread switches cheaply), so the record has no
 * {@code switches_per_message} field.
 *
 * @param measured the scenario's figures
 */
public record ScaleResult(ScaleRecord measured) implements Result {

  @Override
  public String experiment() {
    return "scale";
  }

  @Override
  public SequencedMap<String, Object> fields() {
    SequencedMap<String, Object> f = new LinkedHashMap<>();
    f.put("experiment", experiment());
    f.put("scenario", measured.scenario());
    f.put("design", measured.design());
    f.put("mode", measured.mode());
    f.put("mesh", measured.mesh());
    f.put("nodes", measured.nodes());
    f.put("messages", measured.messages());
    f.put("messages_per_wall_s", measured.messagesPerWallSecond());
    f.put("messages_per_cpu_s", measured.messagesPerCpuSecond());
    f.put("events_per_message", measured.eventsPerMessage());
    f.put("build_s", measured.buildSeconds());
    f.put("heap_per_node_kib", measured.heapPerNodeKib());
    f.put("reference_events_per_s", measured.referenceEventsPerSecond());
    f.put("reference_ratio", measured.referenceRatio());
    return f;
  }
}
