package org.vmmc.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.vmmc.bench.compare.Designs;
import org.vmmc.bench.compare.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The command line of the experiments. Without a subcommand it runs {@code compare} with the
 * options given.
 *
 * <pre>
 *   java -jar vmmc-bench.jar                          # compare everything, default machine
 *   java -jar vmmc-bench.jar latency --sizes 4..4K --param cpu.clock-mhz=90
 *   java -jar vmmc-bench.jar mesh --quick
 *   java -jar vmmc-bench.jar --plugins my-designs/ compare --sizes 4,4K
 * </pre>
 */
@Command(name = "vmmc-bench", mixinStandardHelpOptions = true,
    version = "vmmc-bench 0.1.0",
    description = {
        "Compares the SHRIMP network interface designs on a simulated multicomputer: latency,"
            + " bandwidth, where the time goes, and what VMMC saves. Writes tables to the"
            + " terminal and results.json, CSV files, PNG charts and REPORT.md to the output"
            + " folder.",
        "Without a command, runs 'compare'."},
    subcommands = {
        ComparisonCommand.Compare.class,
        ComparisonCommand.Latency.class,
        ComparisonCommand.Bandwidth.class,
        ComparisonCommand.Breakdown.class,
        ComparisonCommand.Ablation.class,
        MeshCommand.class,
        EngineCommand.class,
        ScaleCommand.class,
        ParamsCommand.class,
        SoakCommand.class})
public final class BenchCommand extends ComparisonCommand {
  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of jars holding"
      + " more network interface designs (each with its META-INF/services/"
      + "org.vmmc.core.nic.NicPlugin line); they are measured, listed and reported beside the"
      + " designs the bench ships. Give it before the command.")
  Path plugins;

  private Designs designs;

  /** The command line's root, which runs every experiment unless a subcommand is named. */
  public BenchCommand() {
    super(Experiment.values());
  }

  /**
   * The designs the commands compare: those on the class path, and the jars of {@code
   * --plugins} when it is given; an {@link IllegalArgumentException} for a missing folder, a
   * file in it that is not a jar, or a broken plug-in.
   */
  Designs designs() {
    if (designs == null) {
      designs = plugins == null ? Designs.onClassPath()
          : Designs.discover(PluginFolder.loader(plugins, BenchCommand.class.getClassLoader()));
    }
    return designs;
  }

  /** The designs of the command line {@code spec} belongs to. */
  static Designs designs(CommandSpec spec) {
    return spec.root().userObject() instanceof BenchCommand root ? root.designs()
        : Designs.onClassPath();
  }

  /** A command line writing tables to {@code out}, progress and errors to {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionStrategy(BenchCommand::refuseMisplacedOptions);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        line.getErr().println("error: " + e.getMessage());
        line.getErr().flush();
        return 1;
      }
      throw e;
    });
    return cl;
  }

  /**
   * Runs the parsed command line, unless options of the default run were given before a named
   * command: they would not reach it, so the run is refused rather than run without them.
   */
  private static int refuseMisplacedOptions(ParseResult parsed) {
    if (parsed.hasSubcommand()) {
      List<String> misplaced = parsed.matchedOptions().stream()
          .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.longestName().equals("--plugins"))
          .map(OptionSpec::longestName).toList();
      if (!misplaced.isEmpty()) {
        CommandLine sub = parsed.subcommand().commandSpec().commandLine();
        sub.getErr().println("error: " + String.join(", ", misplaced)
            + " given before the command '" + sub.getCommandName() + "' would not reach it;"
            + " put them after it (only --plugins goes before the command)");
        sub.getErr().flush();
        return 2;
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** Runs {@code args} on the console; returns the exit status. */
  public static int execute(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }
}
