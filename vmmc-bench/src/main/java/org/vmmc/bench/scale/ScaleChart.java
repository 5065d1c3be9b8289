package org.vmmc.bench.scale;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scale experiment's chart: host time per simulated message against machine size. */
public final class ScaleChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;
  private static final int DPI = 96;

  private ScaleChart() {}

  /**
   * Writes {@code scale.png} to {@code folder}: wall-clock µs per message against nodes, both
   * on log scales, a series per scenario; the file written.
   */
  public static Path write(List<ScaleRecord> records, Path folder) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Simulator cost per message against machine size (wall clock, this computer)")
        .xAxisTitle("nodes (log scale)").yAxisTitle("wall-clock µs per message (log scale)")
        .build();
    var styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setPlotGridLinesColor(new Color(220, 220, 220));
    styler.setAntiAlias(true);
    styler.setXAxisLogarithmic(true);
    styler.setYAxisLogarithmic(true);
    styler.setLegendPosition(LegendPosition.InsideNW);
    Map<String, List<ScaleRecord>> byScenario = new LinkedHashMap<>();
    records.forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
    byScenario.forEach((name, points) -> chart.addSeries(name,
            points.stream().map(p -> (double) p.nodes()).toList(),
            points.stream().map(p -> 1e6 / p.messagesPerWallSecond()).toList())
        .setMarker(SeriesMarkers.CIRCLE));
    Path file = folder.resolve("scale.png");
    try {
      Files.createDirectories(folder);
      BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapFormat.PNG, DPI);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file, e);
    }
    return file;
  }
}
