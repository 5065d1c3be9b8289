package org.vmmc.bench.compare;

import java.util.SequencedMap;

/**
 * One record of an experiment's results, as results.json, the CSV files and the tables show
 * it. Field names are snake_case, times in µs, rates in MB/s (10^6 bytes per second).
 */
public interface Result {

  /** The experiment that produced it: latency, bandwidth, breakdown, ablation, mesh, engine. */
  String experiment();

  /** Every field, {@code experiment} first, in a stable order. */
  SequencedMap<String, Object> fields();
}
