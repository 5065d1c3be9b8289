package org.vmmc.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmmc.bench.compare.AblationResult;
import org.vmmc.bench.compare.BandwidthResult;
import org.vmmc.bench.compare.BreakdownResult;
import org.vmmc.bench.compare.Component;
import org.vmmc.bench.compare.LatencyResult;
import org.vmmc.bench.compare.MeshResult;
import org.vmmc.bench.compare.Result;
import org.vmmc.bench.mesh.MeshPoint;

class ChartsTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  Path folder;

  private static List<Result> results() {
    List<Result> rs = new ArrayList<>();
    for (String mode : List.of("du", "au")) {
      for (int bytes = 4; bytes <= 65536; bytes *= 4) {
        rs.add(new LatencyResult("shrimp2", mode, bytes, 4 + bytes / 100.0));
        rs.add(new BandwidthResult("shrimp2", mode, bytes, 8, Math.min(23, bytes / 10.0)));
      }
      Map<Component, Double> parts = new EnumMap<>(Component.class);
      parts.put(Component.SENDER, 1.0);
      parts.put(Component.EISA_DMA, 2.2);
      parts.put(Component.MESH, 0.2);
      rs.add(new BreakdownResult("shrimp2", mode, 4, 3.4, parts));
    }
    rs.add(new AblationResult("shrimp2", "du", "none", 4, 4, 1.4, 0, 0, 2.7, 0));
    rs.add(new AblationResult("shrimp2", "du", "syscall-per-send", 4, 6.5, 0.6, 1, 0, 6.9, 0));
    rs.add(new AblationResult("shrimp1", "du", "none", 4, 4, 1.4, 0, 0, 2.7, 0));
    rs.add(new MeshResult("curve", new MeshPoint("4x4", 0.1, 22, 0.1, 1e6, 30, true)));
    rs.add(new MeshResult("curve", new MeshPoint("4x4", 0.2, 25, 0.2, 1e6, 30, true)));
    return rs;
  }

  @Test
  void everyChartIsANonEmptyPngOfTheChartSize() throws IOException {
    List<Path> charts = Charts.write(results(), folder);

    assertThat(charts).extracting(p -> p.getFileName().toString())
        .containsExactly("latency.png", "bandwidth.png", "breakdown.png", "breakdown-share.png",
            "ablation.png", "mesh.png");
    for (Path chart : charts) {
      byte[] bytes = Files.readAllBytes(chart);
      assertThat(bytes).as(chart.toString()).startsWith(PNG_SIGNATURE);
      BufferedImage image = ImageIO.read(chart.toFile());
      assertThat(image.getWidth()).isEqualTo(Charts.PIXEL_WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.PIXEL_HEIGHT);
    }
  }

  @Test
  void chartsOnlyForExperimentsThatHaveResults() {
    List<Result> latencyOnly = List.of(new LatencyResult("shrimp2", "du", 4, 4.0),
        new LatencyResult("shrimp2", "du", 8, 4.2));

    assertThat(Charts.write(latencyOnly, folder)).extracting(p -> p.getFileName().toString())
        .containsExactly("latency.png");
  }
}
