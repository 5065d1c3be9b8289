package org.vmmc.bench;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.vmmc.bench.soak.Soak;
import org.vmmc.bench.soak.SoakDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The randomised adversarial protection test, run for a given time. */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = {
        "Runs random sequences of export, import, send, automatic update, unexport, unimport,"
            + " free, exit and misuse across processes, nodes, designs and scheduler quanta,"
            + " with an oracle that checks where every word lands, delivery and the errors"
            + " calls throw. Prints every finding with the seed:index that replays it.",
        "Last line: soak: N sequences, N operations, N escapes, N losses, N duplicates,"
            + " N unclear, N crashes"})
final class SoakCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--seconds", paramLabel = "N",
      description = "Wall-clock time to run sequences for. Default: ${DEFAULT-VALUE}.")
  double seconds = 60;

  @Option(names = "--seed", paramLabel = "S",
      description = "The seed of the sequences. Default: a fresh one, printed.")
  Long seed;

  @Option(names = "--designs", split = ",", paramLabel = "DESIGN",
      description = "Designs to run, comma-separated, among those found (an unknown name lists"
          + " them). Default: all.")
  List<String> designs;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads running sequences. Default: the processors there are.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--sequences", paramLabel = "N",
      description = "Stop after N sequence indices (0: no limit). Default: ${DEFAULT-VALUE}.")
  long sequences;

  @Option(names = "--replay", paramLabel = "SEED:INDEX",
      description = "Run one sequence again, printing every step and its outcome.")
  String replay;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (replay != null) {
      String[] parts = replay.split(":", -1);
      if (parts.length != 2) {
        throw new ParameterException(spec.commandLine(),
            "--replay wants SEED:INDEX, such as 42:17, not '" + replay + "'");
      }
      long s;
      long i;
      try {
        s = Long.parseLong(parts[0]);
        i = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(),
            "--replay wants two whole numbers SEED:INDEX, not '" + replay + "'");
      }
      return Soak.replay(all(), s, i, out).findings().isEmpty() ? 0 : 1;
    }
    if (seconds <= 0) {
      throw new ParameterException(spec.commandLine(),
          "--seconds must be positive: " + seconds);
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1: "
          + threads);
    }
    long s = seed != null ? seed : new SplittableRandom().nextLong();
    long found = new Soak(s, all(), designs(), threads, out).run(seconds, sequences);
    return found == 0 ? 0 : 1;
  }

  private List<SoakDesign> all() {
    return SoakDesign.all(BenchCommand.designs(spec));
  }

  private Set<SoakDesign> designs() {
    List<SoakDesign> all = all();
    if (designs == null || designs.isEmpty()) {
      return new LinkedHashSet<>(all);
    }
    Set<SoakDesign> chosen = new LinkedHashSet<>();
    for (String name : designs) {
      SoakDesign design = all.stream().filter(d -> d.label().equals(name.trim())).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown design '"
              + name + "'; valid designs: " + all.stream().map(SoakDesign::label).toList()));
      chosen.add(design);
    }
    return chosen;
  }
}
