package org.vmmc.bench.mesh;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vmmc.core.NodeId;
import org.vmmc.core.sim.RandomStreams;
import org.vmmc.hardware.mesh.MeshNetwork;
import org.vmmc.hardware.mesh.MeshParameters;

/**
 * The mesh experiment: zero-load latency, latency against offered load, saturation throughput
 * and the simulator's own speed for uniform random traffic on k by k meshes, with the routers
 * of {@link MeshNetwork} stepped directly, cycle by cycle.
 *
 * <pre>{@code
 * MeshExperimentReport report = MeshExperiment.run(MeshExperimentConfig.DEFAULT);
 * System.out.println(report.toTable());
 * }</pre>
 */
public final class MeshExperiment {
  private final MeshExperimentConfig config;
  private final RandomStreams random;

  private MeshExperiment(MeshExperimentConfig config) {
    this.config = requireNonNull(config, "config");
    this.random = new RandomStreams(config.seed());
  }

  /** Runs the experiment {@code config} describes. */
  public static MeshExperimentReport run(MeshExperimentConfig config) {
    MeshExperiment experiment = new MeshExperiment(config);
    List<MeshSummary> summaries = new ArrayList<>();
    for (int k : config.sizes()) {
      summaries.add(experiment.measure(k, config.curveSizes().contains(k)));
    }
    return new MeshExperimentReport(config, summaries);
  }

  /** Runs the default experiment, or the quick one with the argument {@code quick}. */
  public static void main(String[] args) {
    MeshExperimentConfig config = args.length > 0 && args[0].equals("quick")
        ? MeshExperimentConfig.QUICK : MeshExperimentConfig.DEFAULT;
    long start = System.nanoTime();
    MeshExperimentReport report = run(config);
    System.out.println(report.toTable());
    System.out.println(report.toJsonLines());
    System.out.printf(Locale.ROOT, "total wall time %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  private MeshSummary measure(int k, boolean withCurve) {
    MeshParameters parameters = MeshParameters.paragon(k, k).toBuilder()
        .inputBufferFlits(config.inputBufferFlits())
        .routerDelayCycles(config.routerDelayCycles())
        .linkDelayCycles(config.linkDelayCycles())
        .build();
    String mesh = k + "x" + k;
    MeshPoint saturation = point(parameters, mesh, 1.0, config.measureCycles(), 0);
    double saturationFlits = saturation.acceptedFlits();
    double lowLoadFlits = config.lowLoadFraction() * saturationFlits;
    MeshPoint lowLoad = point(parameters, mesh, lowLoadFlits,
        cyclesFor(config.lowLoadPackets(), lowLoadFlits, parameters), config.drainLimitCycles());
    List<MeshPoint> curve = new ArrayList<>();
    if (withCurve) {
      for (double f : config.curveFractions()) {
        curve.add(point(parameters, mesh, f * saturationFlits, config.measureCycles(),
            config.drainLimitCycles()));
      }
    }
    double speedLoad = config.speedFraction() * saturationFlits;
    MeshPoint speed = point(parameters, mesh, speedLoad,
        cyclesFor(config.speedPackets(), speedLoad, parameters), config.drainLimitCycles());
    return new MeshSummary(mesh, meanZeroLoadCycles(parameters), lowLoad, saturationFlits,
        4.0 / k, saturation, speed, curve);
  }

  private MeshPoint point(MeshParameters parameters, String mesh, double offered,
      long measureCycles, long drainLimit) {
    SplittableRandom stream = random.stream(String.format(Locale.ROOT,
        "mesh.traffic.%s.%.6f.%d", mesh, offered, measureCycles));
    return new LoadPointRun(parameters, config.packetFlits(), offered, stream,
        config.warmupCycles(), measureCycles).run(mesh, offered, drainLimit);
  }

  /** A window long enough to create about {@code packets} packets at {@code offered}. */
  private long cyclesFor(long packets, double offered, MeshParameters parameters) {
    double packetsPerCycle = offered * parameters.nodeCount() / config.packetFlits();
    return Math.max(config.measureCycles(), (long) Math.ceil(packets / packetsPerCycle));
  }

  /** The zero-load latency averaged over every (source, destination) pair, self included. */
  private double meanZeroLoadCycles(MeshParameters parameters) {
    int nodes = parameters.nodeCount();
    long sum = 0;
    for (int s = 0; s < nodes; s++) {
      for (int d = 0; d < nodes; d++) {
        sum += parameters.zeroLoadCycles(NodeId.of(s), NodeId.of(d), config.packetFlits());
      }
    }
    return (double) sum / ((long) nodes * nodes);
  }
}
