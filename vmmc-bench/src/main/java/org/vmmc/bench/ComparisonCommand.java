package org.vmmc.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.Experiment;
import org.vmmc.bench.compare.Result;
import org.vmmc.bench.compare.RunSettings;
import org.vmmc.bench.compare.Task;
import org.vmmc.bench.compare.TaskRunner;
import org.vmmc.bench.report.ResultFiles;
import org.vmmc.bench.report.RunInfo;
import org.vmmc.bench.report.Tables;
import org.vmmc.bench.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs some of the comparison experiments on the chosen designs and modes,
 * prints their tables and writes the output folder.
 */
abstract class ComparisonCommand implements Callable<Integer> {
  @Mixin
  ComparisonOptions options;

  @Spec
  CommandSpec spec;

  private final List<Experiment> experiments;

  /** A command that runs {@code experiments}, in this order. */
  ComparisonCommand(Experiment... experiments) {
    this.experiments = List.of(experiments);
  }

  @Override
  public Integer call() {
    RunSettings settings = options.settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    List<Task> tasks = new ArrayList<>();
    for (Experiment e : experiments) {
      List<Task> t = e.tasks(settings);
      if (t.isEmpty()) {
        err.println("note: " + e.label() + " skipped: it applies to none of the selected"
            + " designs");
      }
      tasks.addAll(t);
    }
    err.printf(Locale.ROOT, "Running %d measurements on %d thread(s)...%n", tasks.size(),
        options.threads);
    err.flush();
    List<Result> results = new TaskRunner(options.threads, err).run(tasks);
    String command = spec.parent() == null ? "compare" : spec.name();
    printTables(results, out);
    write(results, RunInfo.of(command, settings, BenchCommand.designs(spec).catalog()), options.out, err);
    err.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** Prints the tables of {@code results}. */
  static void printTables(List<Result> results, PrintWriter out) {
    for (TextTable t : Tables.all(results)) {
      out.println();
      out.print(t.toText());
    }
    out.println();
    out.flush();
  }

  /** Writes the output folder for {@code results} and says where. */
  static void write(List<Result> results, RunInfo info, Path folder, PrintWriter err) {
    List<Path> files = ResultFiles.write(results, info, folder);
    err.println("wrote " + String.join(", ",
        files.stream().map(p -> p.getFileName().toString()).toList()) + " to "
        + folder.toAbsolutePath().normalize());
    err.flush();
  }

  /** Latency, bandwidth, breakdown and ablation for every chosen design and mode. */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Latency, bandwidth, breakdown and ablation for every chosen design and"
          + " mode (the default command).")
  static final class Compare extends ComparisonCommand {
    Compare() {
      super(Experiment.values());
    }
  }

  /** One-way latency against message size. */
  @Command(name = "latency", mixinStandardHelpOptions = true,
      description = "One-way latency against message size (half a ping-pong round trip"
          + " between neighbouring nodes).")
  static final class Latency extends ComparisonCommand {
    Latency() {
      super(Experiment.LATENCY);
    }
  }

  /** Sustained bandwidth against message size. */
  @Command(name = "bandwidth", mixinStandardHelpOptions = true,
      description = "Sustained bandwidth against message size (MB = 10^6 bytes).")
  static final class Bandwidth extends ComparisonCommand {
    Bandwidth() {
      super(Experiment.BANDWIDTH);
    }
  }

  /** Where the time of a one-word message goes. */
  @Command(name = "breakdown", mixinStandardHelpOptions = true,
      description = "Where the time of a one-word message goes, from the simulator's event"
          + " trace.")
  static final class Breakdown extends ComparisonCommand {
    Breakdown() {
      super(Experiment.BREAKDOWN);
    }
  }

  /** Each design with a system call per send or an interrupt per arrival, where they apply. */
  @Command(name = "ablation", mixinStandardHelpOptions = true,
      description = "What VMMC saves: each design's deliberate update as designed, with a"
          + " system call per send, and with an interrupt per arrival, where they apply.")
  static final class Ablation extends ComparisonCommand {
    Ablation() {
      super(Experiment.ABLATION);
    }
  }
}
