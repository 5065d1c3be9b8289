package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmmc.bench.compare.Designs;

class BenchCommandTest {
  @TempDir
  Path out;

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void anOptionBeforeANamedCommandIsRefusedRatherThanIgnored() {
    CommandRun r = run("--sizes", "4", "latency", "--out", out.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--sizes").contains("before the command 'latency'")
        .contains("put them after it");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void unknownParameterNameIsRefusedWithTheValidNames() {
    CommandRun r = run("latency", "--param", "cpu.clock-ghz=1", "--out", out.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("unknown parameter 'cpu.clock-ghz'")
        .contains("valid names:").contains("cpu.clock-mhz").contains("eisa.burst-rate")
        .contains("mesh.link-cycle-ns").contains("shrimp2.max-packet-payload");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void badParameterValueNamesTheParameterTheValueAndTheUnit() {
    CommandRun r = run("latency", "--param", "cpu.clock-mhz=fast");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("bad value 'fast' for cpu.clock-mhz (MHz)")
        .contains("expected a number of MHz");
  }

  @Test
  void valueTheParameterRecordRefusesIsReportedWithItsReason() {
    CommandRun r = run("bandwidth", "--param", "shrimp2.max-packet-payload=6");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("bad value '6' for shrimp2.max-packet-payload (bytes)")
        .contains("maxPacketPayload must be a positive multiple of 4 bytes: 6");
  }

  @Test
  void settingWithoutAnEqualsSignIsRefused() {
    CommandRun r = run("latency", "--param", "cpu.clock-mhz");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("has the form name=value").contains("cpu.clock-mhz");
  }

  @Test
  void unavailableDesignIsRefusedWithTheAvailableOnes() {
    CommandRun r = run("compare", "--design", "pdp11");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("design 'pdp11' is not available")
        .contains("available designs: " + Designs.onClassPath());
  }

  @Test
  void unknownModeIsRefusedWithTheAvailableOnes() {
    CommandRun r = run("latency", "--mode", "telepathy");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("mode 'telepathy' is not available").contains("du");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "abc", "0", "8..4", "2M"})
  void badSizesAreRefused(String sizes) {
    CommandRun r = run("latency", "--sizes", sizes);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("bad --sizes '" + sizes + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4by4", "1x1", "0x3"})
  void badMeshShapesAreRefused(String mesh) {
    CommandRun r = run("latency", "--mesh", mesh);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).containsAnyOf("bad --mesh '" + mesh + "'", "at least 2 nodes",
        "at least 1x1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"compare", "latency", "bandwidth", "breakdown", "ablation", "mesh",
      "engine", "scale", "params"})
  void everyCommandHasHelp(String command) {
    CommandRun r = run(command, "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: vmmc-bench " + command).contains("--help");
  }

  @Test
  void topLevelHelpListsTheCommands() {
    CommandRun r = run("--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("compare", "latency", "bandwidth", "breakdown", "ablation",
        "mesh", "engine", "scale", "--param", "--design", "--mode", "--sizes", "--seed", "--out");
  }

  @Test
  void paramsListsEveryNameWithItsDefault() {
    CommandRun r = run("params");

    assertThat(r.status()).isZero();
    assertThat(r.out()).containsPattern("cpu\\.clock-mhz\\s+60\\s+MHz")
        .containsPattern("eisa\\.burst-rate\\s+33\\s+MB/s")
        .containsPattern("mesh\\.link-cycle-ns\\s+10\\s+ns")
        .containsPattern("shrimp2\\.max-packet-payload\\s+4096\\s+bytes")
        .containsPattern("au\\.bind-cycles-per-page\\s+300\\s+cycles\\s+uncertain\\s+")
        .containsPattern("eisa\\.burst-rate\\s+33\\s+MB/s\\s+stated\\s+EISA rate within a"
            + " burst\\s+~33 MB/s burst")
        .contains("confidence", "source");
  }
}
