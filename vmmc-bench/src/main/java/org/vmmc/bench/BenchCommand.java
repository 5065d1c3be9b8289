package org.vmmc.bench;

import java.io.PrintWriter;
import org.vmmc.bench.compare.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the experiments. Without a subcommand it runs {@code compare} with the
 * options given.
 *
 * <pre>
 *   java -jar vmmc-bench.jar                          # compare everything, default machine
 *   java -jar vmmc-bench.jar latency --sizes 4..4K --param cpu.clock-mhz=90
 *   java -jar vmmc-bench.jar mesh --quick
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
        ParamsCommand.class,
        SoakCommand.class})
public final class BenchCommand extends ComparisonCommand {

  /** The command line's root, which runs every experiment unless a subcommand is named. */
  public BenchCommand() {
    super(Experiment.values());
  }

  /** A command line writing tables to {@code out}, progress and errors to {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(out);
    cl.setErr(err);
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

  /** Runs {@code args} on the console; returns the exit status. */
  public static int execute(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }
}
