package org.vmmc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.MeshResult;
import org.vmmc.bench.compare.Result;
import org.vmmc.bench.mesh.MeshExperiment;
import org.vmmc.bench.mesh.MeshExperimentConfig;
import org.vmmc.bench.mesh.MeshExperimentReport;
import org.vmmc.bench.mesh.MeshSummary;
import org.vmmc.bench.report.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The mesh experiment: uniform random traffic on k x k meshes. */
@Command(name = "mesh", mixinStandardHelpOptions = true,
    description = "The mesh experiment: zero-load and loaded latency, saturation throughput and"
        + " simulator speed for uniform random traffic on k x k meshes (the full experiment"
        + " takes a few minutes; --quick runs a 4x4 mesh in seconds).")
final class MeshCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "Run the short experiment on a 4x4 mesh.")
  boolean quick;

  @Option(names = "--k", split = ",", paramLabel = "K",
      description = "Mesh sizes k to measure (k x k), such as 8,16. Default: 8,16,32 (4 with"
          + " --quick).")
  List<Integer> sizes = new ArrayList<>();

  @Option(names = "--seed", description = "Root seed of the traffic. Default: 42.")
  Long seed;

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("vmmc-results");

  @Override
  public Integer call() {
    MeshExperimentConfig config = config();
    var err = spec.commandLine().getErr();
    err.println("Running the mesh experiment on " + config.sizes().stream()
        .map(k -> k + "x" + k).toList() + "...");
    err.flush();
    long start = System.nanoTime();
    MeshExperimentReport report = MeshExperiment.run(config);
    List<Result> results = new ArrayList<>();
    for (MeshSummary s : report.summaries()) {
      results.add(new MeshResult("low-load", s.lowLoad()));
      s.curve().forEach(p -> results.add(new MeshResult("curve", p)));
      results.add(new MeshResult("saturation", s.saturationPoint()));
      results.add(new MeshResult("speed", s.speed()));
    }
    spec.commandLine().getOut().print(report.toTable());
    spec.commandLine().getOut().flush();
    ComparisonCommand.write(results, info(config), out, err);
    err.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private MeshExperimentConfig config() {
    MeshExperimentConfig base = quick ? MeshExperimentConfig.QUICK : MeshExperimentConfig.DEFAULT;
    List<Integer> ks = sizes.isEmpty() ? base.sizes() : sizes;
    for (int k : ks) {
      if (k < 2 || k > 64) {
        throw new ParameterException(spec.commandLine(), "mesh size k must be 2 to 64: " + k);
      }
    }
    List<Integer> curve = base.curveSizes().stream().filter(ks::contains).toList();
    if (curve.isEmpty()) {
      curve = List.of(ks.get(0));
    }
    try {
      return new MeshExperimentConfig(ks, curve, base.packetFlits(), base.inputBufferFlits(),
          base.routerDelayCycles(), base.linkDelayCycles(), base.warmupCycles(),
          base.measureCycles(), base.drainLimitCycles(), base.lowLoadFraction(),
          base.lowLoadPackets(), base.curveFractions(), base.speedFraction(),
          base.speedPackets(), seed == null ? base.seed() : seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static RunInfo info(MeshExperimentConfig c) {
    List<List<String>> rows = List.of(
        List.of("seed", Long.toString(c.seed())),
        List.of("meshes", c.sizes().stream().map(k -> k + "x" + k).toList().toString()),
        List.of("latency curve on", c.curveSizes().stream().map(k -> k + "x" + k).toList()
            .toString()),
        List.of("packet", c.packetFlits() + " flits"),
        List.of("router", c.inputBufferFlits() + "-flit input buffers, "
            + c.routerDelayCycles() + " + " + c.linkDelayCycles() + " cycles per hop"),
        List.of("windows", c.warmupCycles() + " warm-up, " + c.measureCycles() + " measured, "
            + c.drainLimitCycles() + " drain-limit cycles"));
    return new RunInfo("mesh", rows, List.of());
  }
}
