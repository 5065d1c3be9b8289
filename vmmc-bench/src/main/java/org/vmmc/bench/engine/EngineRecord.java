package org.vmmc.bench.engine;

/**
 * The engine's measured speed at one size of the pending-event list.
 *
 * @param pending events pending throughout the hold model
 * @param eventsPerSecond events the simulator dispatched per second of wall-clock time
 * @param referenceEventsPerSecond hold operations per second of a bare
 *     {@link java.util.PriorityQueue} loop measured in the same run, the reference
 * @param handoffsPerSecond hand-offs per second between two simulated processes signalling
 *     each other (independent of {@code pending}; the same figure on every record of a run)
 */
public record EngineRecord(
    int pending, double eventsPerSecond, double referenceEventsPerSecond,
    double handoffsPerSecond) {

  /** The engine's speed as a fraction of the reference loop's. */
  public double speedupOverReference() {
    return eventsPerSecond / referenceEventsPerSecond;
  }
}
