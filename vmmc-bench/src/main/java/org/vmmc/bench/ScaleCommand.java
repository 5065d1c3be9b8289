package org.vmmc.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.Designs;
import org.vmmc.bench.compare.Result;
import org.vmmc.bench.report.RunInfo;
import org.vmmc.bench.scale.ScaleChart;
import org.vmmc.bench.scale.ScaleExperiment;
import org.vmmc.bench.scale.ScaleRecord;
import org.vmmc.bench.scale.ScaleResult;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The scale experiment: what a simulated message costs on the host, by traffic and size. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "The simulator's own cost: simulated messages per wall and CPU second,"
        + " events per message, build time and heap per node for a ping-pong, an all-to-all,"
        + " a ring, a random permutation and an automatic-update store loop, beside the"
        + " engine's hold-model events/s in the same JVM (under a minute; --quick runs a"
        + " subset in seconds; --large adds 32x32 and 64x64).")
final class ScaleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "Run the subset on at most 16 nodes, few messages.")
  boolean quick;

  @Option(names = "--large", description = "Also run ring and permutation on 32x32 and 64x64"
      + " (minutes; 64x64 needs about a GB of heap).")
  boolean large;

  @Option(names = "--design", paramLabel = "DESIGN", description = "The design to run."
      + " Default: the first discovered design with both a deliberate- and an automatic-update"
      + " mode.")
  String design;

  @Option(names = "--rounds", paramLabel = "N",
      description = "Rounds of every scenario instead of its own (for smoke runs).")
  Integer rounds;

  @Option(names = "--seed", description = "Root seed of every machine. Default: 42.")
  Long seed;

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("vmmc-results");

  @Override
  public Integer call() {
    if (quick && large) {
      throw new ParameterException(spec.commandLine(), "--quick and --large exclude each other");
    }
    NicPlugin<?> plugin = plugin(BenchCommand.designs(spec));
    ScaleExperiment experiment = quick ? ScaleExperiment.quick() : ScaleExperiment.standard(large);
    if (rounds != null) {
      if (rounds < 2) {
        throw new ParameterException(spec.commandLine(), "--rounds must be at least 2: " + rounds);
      }
      experiment = experiment.withRounds(rounds);
    }
    if (seed != null) {
      experiment = experiment.withSeed(seed);
    }
    var err = spec.commandLine().getErr();
    err.println("Running the scale experiment on " + plugin.label() + "...");
    err.flush();
    long start = System.nanoTime();
    List<ScaleRecord> records = experiment.run(plugin, err);
    List<Result> results = records.stream().<Result>map(ScaleResult::new).toList();
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().print(ScaleExperiment.table(records).toText());
    spec.commandLine().getOut().flush();
    RunInfo info = new RunInfo("scale", List.of(
        List.of("design", plugin.label()),
        List.of("seed", Long.toString(experiment.seed())),
        List.of("scenarios", String.join("; ", experiment.describe())),
        List.of("processors", Integer.toString(Runtime.getRuntime().availableProcessors())),
        List.of("Java", Runtime.version().toString())), List.of());
    ComparisonCommand.write(results, info, out, err);
    if (!records.isEmpty()) {
      err.println("wrote " + ScaleChart.write(records, out).getFileName() + " to "
          + out.toAbsolutePath().normalize());
    }
    err.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The design of {@code --design}, or the first one that has both kinds of update. */
  private NicPlugin<?> plugin(Designs designs) {
    if (design != null) {
      return designs.named(design).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "design '" + design + "' is not available; available designs: "
              + String.join(", ", designs.names())));
    }
    return designs.plugins().stream()
        .filter(p -> hasKind(p, TransferKind.DELIBERATE_UPDATE)
            && hasKind(p, TransferKind.AUTOMATIC_UPDATE))
        .findFirst()
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "no design has both a"
            + " deliberate- and an automatic-update mode; name one with --design: "
            + String.join(", ", designs.names())));
  }

  private static boolean hasKind(NicPlugin<?> p, TransferKind kind) {
    return p.modes().stream().map(TransferMode::kind).anyMatch(kind::equals);
  }
}
