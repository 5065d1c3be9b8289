package org.vmmc.bench.soak;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.vmmc.bench.soak.Finding.Kind;

/**
 * Runs randomised sequences on several threads until time is up (each simulation is
 * independent and has its own simulator), prints every finding with the seed and index that
 * replay it, and totals them. A sequence counts each rule that fired in it once.
 */
public final class Soak {
  private final long seed;
  private final List<SoakDesign> all;
  private final Set<SoakDesign> designs;
  private final int threads;
  private final PrintWriter out;
  private final AtomicLong nextIndex = new AtomicLong();
  private final AtomicLong sequences = new AtomicLong();
  private final AtomicLong operations = new AtomicLong();
  private final Map<Kind, AtomicLong> totals = new EnumMap<>(Kind.class);
  private final Map<String, AtomicLong> rules = new ConcurrentHashMap<>();
  private final Map<Long, Long> running = new ConcurrentHashMap<>();

  /**
   * A soak of {@code designs} under {@code seed} on {@code threads} threads, printing to {@code
   * out}; each sequence's design is chosen among {@code all}, so a sequence replays the same
   * whichever of them are run.
   */
  public Soak(long seed, List<SoakDesign> all, Set<SoakDesign> designs, int threads,
      PrintWriter out) {
    checkArgument(!designs.isEmpty(), "at least one design is needed");
    checkArgument(all.containsAll(designs), "designs %s are not all among %s", designs, all);
    this.all = List.copyOf(all);
    checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
    this.seed = seed;
    this.designs = Set.copyOf(designs);
    this.threads = threads;
    this.out = requireNonNull(out, "out");
    for (Kind k : Kind.values()) {
      totals.put(k, new AtomicLong());
    }
  }

  /**
   * Runs sequences for {@code seconds} of wall time, or until {@code maxSequences} have run
   * when it is positive; returns the findings' total.
   */
  public long run(double seconds, long maxSequences) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    out.printf(Locale.ROOT, "soak: seed %d, designs %s, %d threads, %.0f s%n", seed,
        all.stream().filter(designs::contains).map(SoakDesign::label).toList(), threads,
        seconds);
    out.flush();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = Thread.ofPlatform().daemon().name("soak-" + t)
          .start(() -> work(deadline, maxSequences));
    }
    long nextProgress = start + 10_000_000_000L;
    long hangLimit = 120_000_000_000L;
    boolean alive = true;
    while (alive) {
      alive = false;
      for (Thread w : workers) {
        try {
          w.join(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return total();
        }
        alive |= w.isAlive();
      }
      long now = System.nanoTime();
      for (var e : running.entrySet()) {
        if (now - e.getValue() > hangLimit && running.remove(e.getKey()) != null) {
          finding(e.getKey(), new Finding(Kind.CRASH, "wall-clock-hang",
              "still running after " + hangLimit / 1_000_000_000 + " s of wall time"));
          sequences.incrementAndGet();
        }
      }
      if (now > deadline + hangLimit) {
        break; // what is left is hung and reported
      }
      if (now >= nextProgress) {
        progress(now - start);
        nextProgress += 10_000_000_000L;
      }
    }
    progress(System.nanoTime() - start);
    for (var e : new TreeMap<>(rules).entrySet()) {
      out.println("soak: rule " + e.getKey() + " fired in " + e.getValue() + " sequences");
    }
    out.println(summary());
    out.flush();
    return total();
  }

  /** The last line: sequences, operations and findings of each kind. */
  public String summary() {
    return String.format(Locale.ROOT,
        "soak: %d sequences, %d operations, %d escapes, %d losses, %d duplicates, %d unclear,"
            + " %d crashes", sequences.get(), operations.get(), totals.get(Kind.ESCAPE).get(),
        totals.get(Kind.LOSS).get(), totals.get(Kind.DUPLICATE).get(),
        totals.get(Kind.UNCLEAR).get(), totals.get(Kind.CRASH).get());
  }

  private long total() {
    return totals.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private void work(long deadline, long maxSequences) {
    while (System.nanoTime() < deadline) {
      long index = nextIndex.getAndIncrement();
      if (maxSequences > 0 && index >= maxSequences) {
        return;
      }
      if (!designs.contains(ScenarioGenerator.designOf(all, seed, index))) {
        continue;
      }
      running.put(index, System.nanoTime());
      SequenceResult r;
      try {
        r = SequenceRunner.run(all, seed, index);
      } catch (RuntimeException | LinkageError e) {
        if (running.remove(index) != null) {
          finding(index, new Finding(Kind.CRASH, "runner-threw", e.toString()));
          sequences.incrementAndGet();
        }
        continue;
      }
      if (running.remove(index) == null) {
        continue; // already reported as hung
      }
      sequences.incrementAndGet();
      operations.addAndGet(r.operations());
      for (Finding f : r.findings()) {
        finding(index, f);
      }
    }
  }

  private void finding(long index, Finding f) {
    totals.get(f.kind()).incrementAndGet();
    long seen = rules.computeIfAbsent(f.kind().name().toLowerCase(Locale.ROOT) + " ["
        + f.rule() + "]", k -> new AtomicLong()).incrementAndGet();
    synchronized (out) {
      out.println("finding: replay " + seed + ":" + index + " ("
          + ScenarioGenerator.designOf(all, seed, index).label() + ") " + (seen <= 3 ? f
          : f.kind().name().toLowerCase(Locale.ROOT) + " [" + f.rule() + "]"));
      out.flush();
    }
  }

  private void progress(long nanos) {
    double s = nanos / 1e9;
    synchronized (out) {
      out.printf(Locale.ROOT, "soak: %.0f s, %d sequences (%.0f/s), %d findings%n", s,
          sequences.get(), sequences.get() / Math.max(s, 1e-9), total());
      out.flush();
    }
  }

  /**
   * Runs sequence {@code index} of {@code seed} again, its design chosen among {@code all},
   * printing every step; returns its result.
   */
  public static SequenceResult replay(List<SoakDesign> all, long seed, long index,
      PrintWriter out) {
    Scenario scenario = ScenarioGenerator.generate(all, seed, index);
    out.println("replay: " + scenario);
    for (int p = 0; p < scenario.processCount(); p++) {
      out.println("replay: P" + p + " steps " + scenario.programs().get(p));
    }
    SequenceResult r = SequenceRunner.run(scenario, line -> out.println("  " + line));
    for (Finding f : r.findings()) {
      out.println("finding: " + f);
    }
    out.println("replay: " + r.operations() + " operations, " + r.findings().size()
        + " findings");
    out.flush();
    return r;
  }
}
