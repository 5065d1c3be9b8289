package org.vmmc.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.vmmc.bench.compare.Ablation;
import org.vmmc.bench.compare.AblationResult;
import org.vmmc.bench.compare.BandwidthResult;
import org.vmmc.bench.compare.BreakdownResult;
import org.vmmc.bench.compare.Component;
import org.vmmc.bench.compare.LatencyResult;
import org.vmmc.bench.compare.MeshResult;
import org.vmmc.bench.compare.Result;

/**
 * The PNG charts of a run, drawn with XChart without a display: latency and bandwidth against
 * message size on a logarithmic size axis, the breakdown as stacked bars, the ablation as
 * grouped bars, and the mesh's latency against offered load. Works without a display when
 * {@code java.awt.headless} is true, as the command line sets it.
 */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;
  private static final int DPI = 96;

  /** The width of a chart file in pixels (drawn at 72 dpi, saved at 96). */
  static final int PIXEL_WIDTH = WIDTH * DPI / 72;

  /** The height of a chart file in pixels. */
  static final int PIXEL_HEIGHT = HEIGHT * DPI / 72;
  /** Degrees the category labels of the share chart lean, so that long ones do not overlap. */
  private static final int LABEL_ROTATION = 12;
  private static final String SIZE_AXIS = "message size (bytes, log scale)";

  private Charts() {}

  /** Writes every chart the results allow into {@code folder}; returns the files written. */
  public static List<Path> write(List<Result> results, Path folder) {
    List<Path> files = new ArrayList<>();
    List<LatencyResult> latency = Tables.of(results, LatencyResult.class);
    if (!latency.isEmpty()) {
      files.add(save(sizeCurve("One-way latency between neighbouring nodes",
          "one-way latency (µs, log scale)", true, latency,
          r -> r.design() + "/" + r.mode(), LatencyResult::bytes, LatencyResult::latencyUs),
          folder, "latency"));
    }
    List<BandwidthResult> bandwidth = Tables.of(results, BandwidthResult.class);
    if (!bandwidth.isEmpty()) {
      files.add(save(sizeCurve("Sustained bandwidth to a neighbour",
          "bandwidth (MB/s, 10^6 bytes per second)", false, bandwidth,
          r -> r.design() + "/" + r.mode(), BandwidthResult::bytes,
          BandwidthResult::bandwidthMbS), folder, "bandwidth"));
    }
    List<BreakdownResult> breakdown = Tables.of(results, BreakdownResult.class);
    if (!breakdown.isEmpty()) {
      files.add(save(breakdown(breakdown), folder, "breakdown"));
      files.add(save(breakdownShares(breakdown), folder, "breakdown-share"));
    }
    List<AblationResult> ablation = Tables.of(results, AblationResult.class);
    if (!ablation.isEmpty()) {
      files.add(save(ablation(ablation), folder, "ablation"));
    }
    List<MeshResult> mesh = Tables.of(results, MeshResult.class).stream()
        .filter(r -> r.point().equals("curve")).toList();
    if (!mesh.isEmpty()) {
      files.add(save(mesh(mesh), folder, "mesh"));
    }
    return files;
  }

  private interface Key<T> {
    String of(T t);
  }

  private interface Size<T> {
    int of(T t);
  }

  private static <T> XYChart sizeCurve(String title, String yTitle, boolean logY, List<T> points,
      Key<T> series, Size<T> size, ToDoubleFunction<T> value) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(SIZE_AXIS).yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setYAxisDecimalPattern(logY ? "#,##0.###" : "#,##0.#");
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    if (!logY) {
      chart.getStyler().setYAxisMin(0.0);
    }
    Map<String, TreeMap<Integer, Double>> bySeries = new LinkedHashMap<>();
    for (T p : points) {
      bySeries.computeIfAbsent(series.of(p), k -> new TreeMap<>())
          .put(size.of(p), value.applyAsDouble(p));
    }
    bySeries.forEach((name, values) -> {
      XYSeries s = chart.addSeries(name, new ArrayList<>(values.keySet()),
          new ArrayList<>(values.values()));
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineStyle(new BasicStroke(2f));
    });
    return chart;
  }

  private static CategoryChart breakdown(List<BreakdownResult> results) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Where the time of a " + Tables.size(results.get(0).bytes()) + " message goes")
        .xAxisTitle("design / mode").yAxisTitle("time (µs)").build();
    style(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setYAxisMin(0.0);
    List<String> categories = results.stream().map(r -> r.design() + "/" + r.mode()).toList();
    for (Component c : Component.values()) {
      List<Double> values = results.stream().map(r -> r.us(c)).toList();
      if (values.stream().anyMatch(v -> v > 0)) {
        chart.addSeries(c.label(), categories, values);
      }
    }
    return chart;
  }

  /**
   * The breakdown as shares of each variant's own latency, so that a fast design's parts stay
   * readable beside a slow one's; the category names carry the absolute latency.
   */
  private static CategoryChart breakdownShares(List<BreakdownResult> results) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Shares of a " + Tables.size(results.get(0).bytes()) + " message's latency")
        .xAxisTitle("design / mode (one-way latency)")
        .yAxisTitle("share of the one-way latency (%)").build();
    style(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setXAxisLabelRotation(LABEL_ROTATION);
    List<String> categories = results.stream().map(r -> r.design() + "/" + r.mode() + " ("
        + Tables.number(r.latencyUs()) + " µs)").toList();
    for (Component c : Component.values()) {
      List<Double> values = results.stream()
          .map(r -> r.latencyUs() > 0 ? 100 * r.us(c) / r.latencyUs() : 0.0).toList();
      if (values.stream().anyMatch(v -> v > 0)) {
        chart.addSeries(c.label(), categories, values);
      }
    }
    return chart;
  }

  private static CategoryChart ablation(List<AblationResult> results) {
    int bytes = results.get(0).bytes();
    List<AblationResult> smallest = results.stream().filter(r -> r.bytes() == bytes).toList();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("What VMMC saves: a " + Tables.size(bytes) + " message")
        .xAxisTitle("variant").yAxisTitle("time per message (µs)").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsPosition(0.9);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    List<String> categories = smallest.stream().map(r -> r.design() + "/" + r.mode() + " "
        + Ablation.ALL.stream().filter(a -> a.name().equals(r.ablation()))
            .map(Ablation::label).findFirst().orElse(r.ablation())).toList();
    // One group of bars per design and ablation: slant the names so that they do not overlap.
    chart.getStyler().setXAxisLabelRotation(45);
    chart.addSeries("one-way latency", categories,
        smallest.stream().map(AblationResult::latencyUs).toList());
    chart.addSeries("sender time in send", categories,
        smallest.stream().map(AblationResult::senderOverheadUs).toList());
    chart.addSeries("receiver CPU in interrupts", categories,
        smallest.stream().map(AblationResult::receiverOverheadUs).toList());
    return chart;
  }

  private static XYChart mesh(List<MeshResult> curve) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Mesh latency under uniform random traffic")
        .xAxisTitle("offered load (flits per node per cycle)")
        .yAxisTitle("latency (link cycles)").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    Map<String, List<MeshResult>> byMesh = new LinkedHashMap<>();
    curve.forEach(r -> byMesh.computeIfAbsent(r.measured().mesh(), k -> new ArrayList<>()).add(r));
    byMesh.forEach((mesh, points) -> {
      XYSeries s = chart.addSeries(mesh + " mesh",
          points.stream().map(p -> p.measured().offeredLoadFlits()).toList(),
          points.stream().map(p -> p.measured().latencyCycles()).toList());
      s.setMarker(SeriesMarkers.CIRCLE);
    });
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotGridLinesColor(new Color(220, 220, 220));
    s.setLegendBorderColor(new Color(200, 200, 200));
    s.setAntiAlias(true);
  }

  private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path folder,
      String name) {
    Path file = folder.resolve(name + ".png");
    try {
      Files.createDirectories(folder);
      BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapFormat.PNG, DPI);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file, e);
    }
    return file;
  }
}
