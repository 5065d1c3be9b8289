package org.vmmc.bench.scale;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vmmc.bench.engine.EngineBenchmark;
import org.vmmc.bench.report.TextTable;
import org.vmmc.core.SimDuration;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.userlib.Multicomputer;

/**
 * The scale experiment: for each scenario, how many simulated messages per second of wall and
 * CPU time the simulator moves in the steady phase, the events each message takes, how long
 * the machine takes to build and the heap it holds per node, next to the engine's own
 * hold-model speed in the same JVM.
 *
 * <p>Each scenario runs three times on fresh machines of the same seed: with one round (its
 * setup and teardown events, subtracted from the measured run's), with a tenth of the rounds
 * to warm the JIT up, and measured. The steady phase runs from the moment the last process has
 * set up to the moment the last one has finished.
 *
 * <pre>{@code
 * List<ScaleRecord> records = ScaleExperiment.quick().run(plugin, progress);
 * }</pre>
 */
public final class ScaleExperiment {
  /** Pending events of the reference hold model. */
  private static final int REFERENCE_PENDING = 1_000;

  private final List<ScaleScenario> scenarios;
  private final long referenceEvents;
  private final long seed;

  private ScaleExperiment(List<ScaleScenario> scenarios, long referenceEvents, long seed) {
    this.scenarios = List.copyOf(scenarios);
    this.referenceEvents = referenceEvents;
    this.seed = seed;
  }

  /** The subset that runs in well under a minute: every pattern on at most 16 nodes. */
  public static ScaleExperiment quick() {
    return new ScaleExperiment(List.of(
        new ScaleScenario("pingpong-4", Pattern.PING_PONG, 2, 1, 4, 10_000),
        new ScaleScenario("alltoall-64", Pattern.ALL_TO_ALL, 4, 4, 64, 40),
        new ScaleScenario("ring-4k", Pattern.RING, 4, 4, 4096, 100),
        new ScaleScenario("permutation-4k", Pattern.PERMUTATION, 4, 4, 4096, 100),
        new ScaleScenario("au-stores-4", Pattern.AUTOMATIC_UPDATE_STORES, 2, 1, 4, 20_000)),
        300_000, 42);
  }

  /**
   * The standard experiment, under a minute: the quick scenarios with more rounds and the ring
   * on 16x16; with {@code large}, also ring and permutation on 32x32 and 64x64 (minutes, and
   * about a GB of heap for 64x64).
   */
  public static ScaleExperiment standard(boolean large) {
    List<ScaleScenario> s = new ArrayList<>(List.of(
        new ScaleScenario("pingpong-4", Pattern.PING_PONG, 2, 1, 4, 20_000),
        new ScaleScenario("alltoall-64", Pattern.ALL_TO_ALL, 4, 4, 64, 100),
        new ScaleScenario("ring-4k", Pattern.RING, 4, 4, 4096, 200),
        new ScaleScenario("ring-4k", Pattern.RING, 16, 16, 4096, 20),
        new ScaleScenario("permutation-4k", Pattern.PERMUTATION, 4, 4, 4096, 200),
        new ScaleScenario("au-stores-4", Pattern.AUTOMATIC_UPDATE_STORES, 2, 1, 4, 40_000)));
    if (large) {
      for (int k : List.of(32, 64)) {
        s.add(new ScaleScenario("ring-4k", Pattern.RING, k, k, 4096, 4));
        s.add(new ScaleScenario("permutation-4k", Pattern.PERMUTATION, k, k, 4096, 2));
      }
    }
    return new ScaleExperiment(s, 2_000_000, 42);
  }

  /**
   * The same scenarios, each with {@code n} rounds (at least 2: events per message are the
   * difference to a one-round run), for smoke runs.
   */
  public ScaleExperiment withRounds(int n) {
    checkArgument(n >= 2, "rounds must be at least 2: %s", n);
    return new ScaleExperiment(scenarios.stream().map(s -> s.withRounds(n)).toList(),
        Math.min(referenceEvents, 10_000L * n), seed);
  }

  /** The same scenarios, with root seed {@code s}. */
  public ScaleExperiment withSeed(long s) {
    return new ScaleExperiment(scenarios, referenceEvents, s);
  }

  /** The scenarios as {@code name on WxH}, in order. */
  public List<String> describe() {
    return scenarios.stream().map(s -> s.name() + " on " + s.mesh() + ", " + s.rounds()
        + " rounds").toList();
  }

  /** The root seed of every machine. */
  public long seed() {
    return seed;
  }

  /**
   * Runs every scenario on machines of {@code plugin}'s design at its default parameters,
   * saying on {@code progress} what runs; automatic-update scenarios are skipped (and said so)
   * when the design has no automatic-update mode.
   */
  public List<ScaleRecord> run(NicPlugin<?> plugin, PrintWriter progress) {
    requireNonNull(plugin, "plugin");
    double reference = referenceEventsPerSecond();
    List<ScaleRecord> records = new ArrayList<>();
    for (ScaleScenario s : scenarios) {
      TransferKind kind = s.pattern() == Pattern.AUTOMATIC_UPDATE_STORES
          ? TransferKind.AUTOMATIC_UPDATE : TransferKind.DELIBERATE_UPDATE;
      Optional<TransferMode> mode = plugin.modes().stream().filter(m -> m.kind() == kind)
          .findFirst();
      if (mode.isEmpty()) {
        progress.println("  " + s.name() + ": skipped, " + plugin.label() + " has no "
            + kind + " mode");
        continue;
      }
      progress.println("  " + s.name() + " on " + s.mesh() + "...");
      progress.flush();
      records.add(measure(plugin, mode.get(), s, reference));
    }
    return List.copyOf(records);
  }

  private double referenceEventsPerSecond() {
    EngineBenchmark.Settings settings = new EngineBenchmark.Settings(
        List.of(REFERENCE_PENDING), 1, 3, referenceEvents, 1, SimDuration.ofMicros(2), seed);
    return new EngineBenchmark(settings).run().get(0).eventsPerSecond();
  }

  private ScaleRecord measure(NicPlugin<?> plugin, TransferMode mode, ScaleScenario s,
      double reference) {
    // One round holds the setup and teardown (which a run without rounds cannot: a process
    // would exit before its peers had imported its buffer), so the difference is steady work.
    long oneRoundEvents = runOnce(plugin, s, 1).events();
    int warmup = s.rounds() / 10;
    if (warmup > 1) {
      runOnce(plugin, s, warmup);
    }
    Run run = runOnce(plugin, s, s.rounds());
    long messages = s.messages();
    double events = (double) (run.events() - oneRoundEvents)
        / (messages - s.withRounds(1).messages());
    return new ScaleRecord(s.name(), plugin.name(), mode.name(), s.mesh(), s.nodes(),
        messages, messages * 1e9 / run.window().wallNanos(),
        messages * 1e9 / run.window().cpuNanos(), events, run.buildNanos() / 1e9,
        run.heapBytes() / 1024.0 / s.nodes(), reference);
  }

  private record Run(long events, long buildNanos, long heapBytes, Window window) {}

  private Run runOnce(NicPlugin<?> plugin, ScaleScenario s, int rounds) {
    long heapBefore = usedHeapAfterGc();
    long start = System.nanoTime();
    try (Multicomputer mc = Multicomputer.builder().design(plugin.module())
        .mesh(s.width(), s.height()).seed(seed).build()) {
      long buildNanos = System.nanoTime() - start;
      long heap = usedHeapAfterGc() - heapBefore;
      Window window = new Window(s.pattern().processes(s.nodes()));
      s.pattern().spawn(mc, s.bytes(), rounds, seed, window);
      long events = mc.run().eventsDispatched();
      return new Run(events, buildNanos, Math.max(0, heap), window);
    }
  }

  /** Used heap in bytes after a collection, which a heap figure needs to mean anything. */
  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    // Twice: the first collection may leave garbage that finalization or reference
    // processing frees only in the next.
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The records as a table: a row per scenario. */
  public static TextTable table(List<ScaleRecord> records) {
    TextTable t = new TextTable("Simulator cost per message on this computer (wall clock;"
        + " thread switches not measured)", List.of("scenario", "mesh", "msg/s wall",
        "msg/s CPU", "events/msg", "events/s", "÷ hold model", "build s", "KiB/node"));
    for (ScaleRecord r : records) {
      t.row(List.of(r.scenario(), r.mesh(), fixed(r.messagesPerWallSecond(), 0),
          fixed(r.messagesPerCpuSecond(), 0), fixed(r.eventsPerMessage(), 1),
          fixed(r.eventsPerWallSecond(), 0), fixed(r.referenceRatio(), 3),
          fixed(r.buildSeconds(), 3), fixed(r.heapPerNodeKib(), 0)));
    }
    return t.leftAligned(0, 1);
  }

  private static String fixed(double v, int places) {
    return String.format(Locale.ROOT, "%,." + places + "f", v);
  }
}
