package org.vmmc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.vmmc.bench.compare.Designs;
import org.vmmc.bench.compare.MachineConfig;
import org.vmmc.bench.compare.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every comparison command shares: what to compare, on what machine, where to. */
final class ComparisonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--design", split = ",", paramLabel = "NAME",
      description = "Design to measure (repeatable, or comma-separated), as the 'params'"
          + " command and an unknown name list them. Default: every design found.")
  List<String> designs = new ArrayList<>();

  @Option(names = "--mode", split = ",", paramLabel = "MODE",
      description = "Mode to measure (repeatable), such as du (deliberate update) or au"
          + " (automatic update), as the designs declare them. Default: every mode of the"
          + " chosen designs.")
  List<String> modes = new ArrayList<>();

  @Option(names = "--sizes", paramLabel = "LIST",
      description = "Message sizes: comma-separated sizes and power-of-two ranges, such as"
          + " 4..64K or 4,64,4K. Default: ${DEFAULT-VALUE}.")
  String sizes = "4..64K";

  @Option(names = "--mesh", paramLabel = "WxH",
      description = "Mesh shape of the simulated multicomputer. Default: ${DEFAULT-VALUE}.")
  String mesh = MachineConfig.DEFAULT_WIDTH + "x" + MachineConfig.DEFAULT_HEIGHT;

  @Option(names = "--seed", description = "Root seed of every simulation. Default:"
      + " ${DEFAULT-VALUE}.")
  long seed = MachineConfig.DEFAULT_SEED;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "Set a named parameter (repeatable), such as cpu.clock-mhz=90 or"
          + " eisa.burst-rate=40; the 'params' command lists them all.")
  List<String> params = new ArrayList<>();

  @Option(names = "--warmup", description = "Unmeasured ping-pong rounds before each latency"
      + " point. Default: ${DEFAULT-VALUE}.")
  int warmup = 2;

  @Option(names = "--rounds", description = "Measured ping-pong rounds per latency point."
      + " Default: ${DEFAULT-VALUE}.")
  int rounds = 5;

  @Option(names = "--bandwidth-bytes", paramLabel = "BYTES", description = "Bytes each"
      + " bandwidth point sends in all. Default: ${DEFAULT-VALUE}.")
  long bandwidthBytes = 1 << 20;

  @Option(names = "--threads", description = "Measurements run side by side (results do not"
      + " depend on it). Default: the number of processors.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", description = "Output folder for"
      + " results.json, CSV files, charts and REPORT.md. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("vmmc-results");

  /** The settings these options describe; a {@link ParameterException} for a bad one. */
  RunSettings settings() {
    try {
      Designs found = BenchCommand.designs(spec);
      MachineConfig config = MachineConfig.defaults().withSeed(seed);
      int[] shape = shape(mesh);
      config = config.withMesh(shape[0], shape[1]);
      for (String p : params) {
        config = found.catalog().apply(config, p);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1: " + threads);
      }
      return RunSettings.defaults(config,
              found.select(new LinkedHashSet<>(designs), new LinkedHashSet<>(modes)))
          .withSizes(Sizes.parse(sizes))
          .withRounds(warmup, rounds)
          .withBandwidthBytes(bandwidthBytes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static int[] shape(String text) {
    String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("bad --mesh '" + text + "': expected WIDTHxHEIGHT, such"
        + " as 4x4");
  }
}
