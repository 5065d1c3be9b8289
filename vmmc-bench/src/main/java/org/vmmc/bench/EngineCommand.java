package org.vmmc.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.EngineResult;
import org.vmmc.bench.compare.Result;
import org.vmmc.bench.engine.EngineBenchmark;
import org.vmmc.bench.engine.EngineRecord;
import org.vmmc.bench.report.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The simulation engine's own speed. */
@Command(name = "engine", mixinStandardHelpOptions = true,
    description = "The simulation engine's speed: events per second against a bare"
        + " PriorityQueue loop, and process hand-offs per second (10-20 s; --quick for a"
        + " smoke run).")
final class EngineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "A run of milliseconds, to check it works.")
  boolean quick;

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("vmmc-results");

  @Override
  public Integer call() {
    EngineBenchmark.Settings settings = quick ? EngineBenchmark.Settings.smoke()
        : EngineBenchmark.Settings.defaults();
    var err = spec.commandLine().getErr();
    err.println("Running the engine benchmark...");
    err.flush();
    long start = System.nanoTime();
    List<EngineRecord> records = new EngineBenchmark(settings).run();
    List<Result> results = records.stream().<Result>map(EngineResult::new).toList();
    RunInfo info = new RunInfo("engine", List.of(
        List.of("pending sizes", settings.pendingSizes().toString()),
        List.of("iterations", settings.warmupIterations() + " warm-up, "
            + settings.measuredIterations() + " measured (median)"),
        List.of("events per iteration", Long.toString(settings.eventsPerIteration())),
        List.of("processors", Integer.toString(Runtime.getRuntime().availableProcessors())),
        List.of("Java", Runtime.version().toString())), List.of());
    ComparisonCommand.printTables(results, spec.commandLine().getOut());
    ComparisonCommand.write(results, info, out, err);
    err.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
