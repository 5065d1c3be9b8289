package org.vmmc.bench.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Simulator;

/**
 * Measures the simulation engine itself: how many events per second it dispatches in the
 * hold model, next to a bare {@link java.util.PriorityQueue} loop measured in the same run,
 * and how many hand-offs per second two simulated processes make through signals.
 *
 * <p>Every figure is the median of several timed iterations that follow untimed warm-up
 * iterations; engine and reference take turns inside each iteration, so background load
 * affects both alike. The reference draws the same increments as the engine, so both dispatch
 * exactly the same events.
 *
 * <p>Hand-offs are bounded by the JDK's virtual-thread scheduler rather than by the engine:
 * each unpark queues the woken process on the current carrier and the fork-join pool wakes an
 * idle carrier that may steal it, so with the default parallelism (one carrier per core) many
 * hand-offs cross cores. With {@code -Djdk.virtualThreadScheduler.parallelism=1} both
 * processes stay on one carrier and hand-offs run about twice as fast; the engine never runs
 * two simulation threads at once, so one carrier per concurrently running simulation suffices.
 *
 * <pre>{@code
 * List<EngineRecord> records = new EngineBenchmark(EngineBenchmark.Settings.defaults()).run();
 * }</pre>
 */
public final class EngineBenchmark {

  /**
   * What to measure and for how long.
   *
   * @param pendingSizes sizes of the pending-event list to measure, each at least one
   * @param warmupIterations untimed iterations before the timed ones, at least zero
   * @param measuredIterations timed iterations whose median is reported, at least one
   * @param eventsPerIteration hold operations per timed iteration (approximate: the run covers
   *     the simulated span that this many events take on average), at least one
   * @param handoffRoundsPerIteration process round trips (two hand-offs each) per iteration
   * @param maxIncrement the largest hold increment; increments are uniform from 1 ps to it
   * @param seed the root seed of the simulator (its hold-model stream also feeds the reference)
   */
  public record Settings(
      List<Integer> pendingSizes, int warmupIterations, int measuredIterations,
      long eventsPerIteration, long handoffRoundsPerIteration, SimDuration maxIncrement,
      long seed) {

    /** Checks every field. */
    public Settings {
      pendingSizes = List.copyOf(pendingSizes);
      checkArgument(!pendingSizes.isEmpty(), "at least one pending size is needed");
      for (int pending : pendingSizes) {
        checkArgument(pending >= 1, "pending size must be at least 1: %s", pending);
      }
      checkArgument(warmupIterations >= 0,
          "warm-up iterations must not be negative: %s", warmupIterations);
      checkArgument(measuredIterations >= 1,
          "measured iterations must be at least 1: %s", measuredIterations);
      checkArgument(eventsPerIteration >= 1,
          "events per iteration must be at least 1: %s", eventsPerIteration);
      checkArgument(handoffRoundsPerIteration >= 1,
          "hand-off rounds per iteration must be at least 1: %s", handoffRoundsPerIteration);
      requireNonNull(maxIncrement, "maxIncrement");
      checkArgument(maxIncrement.picos() >= 1, "max increment must be at least 1 ps: %s",
          maxIncrement);
    }

    /** The standard run: 1,000 and 100,000 pending events, about 10-20 s in all. */
    public static Settings defaults() {
      return new Settings(List.of(1_000, 100_000), 2, 5, 2_000_000, 200_000,
          SimDuration.ofMicros(2), 42);
    }

    /** A run small enough for a unit test: the same code paths, a few milliseconds. */
    public static Settings smoke() {
      return new Settings(List.of(10, 100), 1, 1, 2_000, 100, SimDuration.ofMicros(2), 42);
    }
  }

  private final Settings settings;

  /** A benchmark with {@code settings}. */
  public EngineBenchmark(Settings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Runs every measurement; one record per pending size, in the order of the settings. */
  public List<EngineRecord> run() {
    List<double[]> holdRates = new ArrayList<>();
    for (int pending : settings.pendingSizes()) {
      holdRates.add(measureHold(pending));
    }
    double handoffs = measureHandoffs();
    List<EngineRecord> records = new ArrayList<>();
    for (int i = 0; i < holdRates.size(); i++) {
      double[] rates = holdRates.get(i);
      records.add(new EngineRecord(settings.pendingSizes().get(i), rates[0], rates[1], handoffs));
    }
    return List.copyOf(records);
  }

  /** Median events per second of the engine ([0]) and of the reference loop ([1]). */
  private double[] measureHold(int pending) {
    long maxIncrement = settings.maxIncrement().picos();
    // The simulated span in which `eventsPerIteration` events fall, on average.
    double meanIncrement = (maxIncrement + 1) / 2.0;
    long span = Math.max(1,
        (long) (settings.eventsPerIteration() * meanIncrement / pending));
    int iterations = settings.warmupIterations() + settings.measuredIterations();
    double[] engine = new double[settings.measuredIterations()];
    double[] reference = new double[settings.measuredIterations()];
    try (Simulator sim = new Simulator(settings.seed())) {
      HoldModel model = new HoldModel(sim, pending, maxIncrement);
      // The reference draws the same increments, so both do exactly the same work.
      ReferenceHoldLoop loop = new ReferenceHoldLoop(
          pending, sim.random().stream(HoldModel.STREAM), maxIncrement);
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        long events = model.runFor(SimDuration.ofPicos(span));
        long engineNanos = System.nanoTime() - start;
        start = System.nanoTime();
        long operations = loop.runFor(span);
        long referenceNanos = System.nanoTime() - start;
        checkState(events == operations,
            "engine dispatched %s events but the reference loop made %s operations", events,
            operations);
        int measured = i - settings.warmupIterations();
        if (measured >= 0) {
          engine[measured] = perSecond(events, engineNanos);
          reference[measured] = perSecond(operations, referenceNanos);
        }
      }
    }
    return new double[] {median(engine), median(reference)};
  }

  private double measureHandoffs() {
    int iterations = settings.warmupIterations() + settings.measuredIterations();
    double[] rates = new double[settings.measuredIterations()];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      long handoffs = HandOffModel.run(settings.seed(), settings.handoffRoundsPerIteration());
      long nanos = System.nanoTime() - start;
      int measured = i - settings.warmupIterations();
      if (measured >= 0) {
        rates[measured] = perSecond(handoffs, nanos);
      }
    }
    return median(rates);
  }

  private static double perSecond(long count, long nanos) {
    return count * 1e9 / Math.max(1, nanos);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** Writes {@code records} as a small table to {@code out}. */
  public static void printTable(List<EngineRecord> records, PrintStream out) {
    out.printf(Locale.ROOT, "%10s %16s %18s %10s %14s%n",
        "pending", "events/s", "PriorityQueue/s", "ratio", "hand-offs/s");
    for (EngineRecord r : records) {
      out.printf(Locale.ROOT, "%10d %16.0f %18.0f %10.2f %14.0f%n",
          r.pending(), r.eventsPerSecond(), r.referenceEventsPerSecond(),
          r.speedupOverReference(), r.handoffsPerSecond());
    }
  }

  /** Runs the standard benchmark and prints the table. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    List<EngineRecord> records = new EngineBenchmark(Settings.defaults()).run();
    printTable(records, System.out);
    System.out.printf(Locale.ROOT,
        "(%.1f s; %d processors; Java %s; virtual-thread carriers: %s)%n",
        (System.nanoTime() - start) / 1e9, Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"));
  }
}
