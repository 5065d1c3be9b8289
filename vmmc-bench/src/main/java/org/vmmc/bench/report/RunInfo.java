package org.vmmc.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vmmc.bench.compare.MachineConfig;
import org.vmmc.bench.compare.NamedParameter;
import org.vmmc.bench.compare.ParameterCatalog;
import org.vmmc.bench.compare.RunSettings;
import org.vmmc.bench.compare.Variant;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferMode;

/**
 * What a run was, for the report: the command, its settings, and the value of every named
 * parameter.
 *
 * @param command the command line's subcommand, such as {@code compare}
 * @param settings the run's settings as (name, value) pairs
 * @param parameters every named parameter as (name, value, default, unit, confidence,
 *     description, source); empty for runs that do not build a multicomputer
 * @param designs every design the run measured as (name, label, modes, features,
 *     description), from its plug-in; empty for runs that measure no design
 */
public record RunInfo(String command, List<List<String>> settings,
    List<List<String>> parameters, List<List<String>> designs) {

  /** Copies the lists. */
  public RunInfo {
    requireNonNull(command, "command");
    settings = settings.stream().map(List::copyOf).toList();
    parameters = parameters.stream().map(List::copyOf).toList();
    designs = designs.stream().map(List::copyOf).toList();
  }

  /** A run that measures no design. */
  public RunInfo(String command, List<List<String>> settings, List<List<String>> parameters) {
    this(command, settings, parameters, List.of());
  }

  /**
   * The description of a comparison run with {@code settings}, listing the value of every
   * parameter of {@code catalog}.
   */
  public static RunInfo of(String command, RunSettings settings, ParameterCatalog catalog) {
    MachineConfig c = settings.config();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("seed", Long.toString(c.seed())));
    rows.add(List.of("mesh", c.width() + "x" + c.height() + " (messages between nodes 0 and 1)"));
    rows.add(List.of("designs/modes",
        String.join(", ", settings.variants().stream()
            .map(v -> v.key() + " (" + v.label() + ")").toList())));
    rows.add(List.of("message sizes",
        String.join(", ", settings.sizes().stream().map(Tables::size).toList())));
    rows.add(List.of("latency rounds", settings.warmup() + " warm-up, " + settings.rounds()
        + " measured"));
    rows.add(List.of("bandwidth", settings.bandwidthBytes() + " bytes per point, "
        + RunSettings.MIN_MESSAGES + " to " + RunSettings.MAX_MESSAGES + " messages"));
    rows.add(List.of("breakdown size", Tables.size(settings.breakdownBytes())));
    rows.add(List.of("ablation sizes",
        String.join(", ", settings.ablationSizes().stream().map(Tables::size).toList())));
    List<List<String>> params = new ArrayList<>();
    for (NamedParameter p : catalog.all()) {
      params.add(List.of(p.name(), p.valueIn(c), p.defaultValue(), p.unit(),
          p.confidence().word(), p.description(), p.source()));
    }
    Map<String, List<String>> designs = new LinkedHashMap<>();
    for (Variant v : settings.variants()) {
      NicPlugin<?> p = v.plugin();
      designs.computeIfAbsent(p.name(), n -> List.of(n, p.label(),
          String.join(", ", p.modes().stream().map(TransferMode::name).toList()),
          p.features().isEmpty() ? "none" : String.join(", ", p.features().stream().sorted()
              .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()),
          p.description()));
    }
    return new RunInfo(command, rows, params, List.copyOf(designs.values()));
  }
}
