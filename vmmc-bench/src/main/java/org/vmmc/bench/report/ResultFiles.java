package org.vmmc.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.vmmc.bench.compare.Result;

/**
 * Writes a run's output folder: results.json (every record), one CSV file per experiment, the
 * charts, and REPORT.md with charts and tables together. The same results give the same
 * files, byte for byte.
 */
public final class ResultFiles {
  /** The name of the file with every record. */
  public static final String RESULTS_JSON = "results.json";

  /** The name of the report. */
  public static final String REPORT = "REPORT.md";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ResultFiles() {}

  /** Writes every file for {@code results} of the run {@code info} into {@code folder}. */
  public static List<Path> write(List<Result> results, RunInfo info, Path folder) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      Path json = folder.resolve(RESULTS_JSON);
      List<SequencedMap<String, Object>> records = results.stream().map(Result::fields).toList();
      Files.writeString(json, JSON.writeValueAsString(records) + "\n", StandardCharsets.UTF_8);
      files.add(json);
      for (Map.Entry<String, List<Result>> e : byExperiment(results).entrySet()) {
        Path csv = folder.resolve(e.getKey() + ".csv");
        Files.writeString(csv, csv(e.getValue()), StandardCharsets.UTF_8);
        files.add(csv);
      }
      List<Path> charts = Charts.write(results, folder);
      files.addAll(charts);
      Path report = folder.resolve(REPORT);
      Files.writeString(report, Report.markdown(results, info, charts), StandardCharsets.UTF_8);
      files.add(report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + folder, e);
    }
    return files;
  }

  private static Map<String, List<Result>> byExperiment(List<Result> results) {
    Map<String, List<Result>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r));
    return groups;
  }

  /** The records of one experiment as CSV, with a header line of field names. */
  static String csv(List<Result> records) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", records.get(0).fields().keySet())).append('\n');
    for (Result r : records) {
      List<String> cells = new ArrayList<>();
      r.fields().values().forEach(v -> cells.add(cell(v)));
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String cell(Object v) {
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).toPlainString();
    }
    String s = String.valueOf(v);
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
