package org.vmmc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmmc.bench.compare.Designs;
import org.vmmc.bench.compare.Variant;
import org.vmmc.core.nic.NicPlugin;

/**
 * A design the bench does not know appears in every listing and experiment: {@code twin}
 * through the test class path's service file, {@code folder} only through a jar in a {@code
 * --plugins} folder.
 */
class PluginDiscoveryTest {
  private static final String SERVICE = "META-INF/services/" + NicPlugin.class.getName();

  @TempDir
  Path temp;

  /** A jar in a fresh folder holding only a service file with {@code lines}. */
  private Path folderWithJar(String lines) throws IOException {
    Path folder = Files.createDirectory(temp.resolve("plugins"));
    try (OutputStream file = Files.newOutputStream(folder.resolve("designs.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      jar.putNextEntry(new JarEntry(SERVICE));
      jar.write(lines.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return folder;
  }

  @Test
  void everyDiscoveredDesignAndModeIsComparedChartedAndReported() throws IOException {
    Path out = temp.resolve("out");
    CommandRun r = CommandRun.of("compare", "--sizes", "4", "--mesh", "2x1", "--warmup", "0",
        "--rounds", "1", "--bandwidth-bytes", "64", "--out", out.toString());

    assertThat(r.status()).as(r.err()).isZero();
    Set<String> measured = new LinkedHashSet<>();
    for (JsonNode record : new ObjectMapper().readTree(out.resolve("results.json").toFile())) {
      if (record.get("experiment").asText().equals("breakdown")) {
        measured.add(record.get("design").asText() + "/" + record.get("mode").asText());
      }
    }
    assertThat(measured).containsExactlyElementsOf(
        Designs.onClassPath().variants().stream().map(Variant::key).toList());
    assertThat(r.out()).contains("twin/du");
    String report = Files.readString(out.resolve("REPORT.md"));
    for (NicPlugin<?> p : Designs.onClassPath().plugins()) {
      assertThat(report).contains("| `" + p.name() + "` | " + p.label() + " |")
          .contains(p.description());
    }
    assertThat(report).contains("twin/du").contains("`twin.start-cycles`");
    assertThat(out.resolve("latency.png")).isNotEmptyFile();
  }

  @Test
  void paramsListsADesignFoundOnlyInThePluginsFolder() throws IOException {
    Path folder = folderWithJar("org.vmmc.bench.plugin.FolderPlugin\n");

    CommandRun without = CommandRun.of("params");
    CommandRun with = CommandRun.of("--plugins", folder.toString(), "params");

    assertThat(without.out()).doesNotContain("folder.start-cycles");
    assertThat(with.status()).as(with.err()).isZero();
    assertThat(with.out()).containsPattern("folder\\.start-cycles\\s+4\\s+cycles")
        .contains("twin.start-cycles", "shrimp2.max-packet-payload");
  }

  @Test
  void compareMeasuresADesignFoundOnlyInThePluginsFolder() throws IOException {
    Path folder = folderWithJar("org.vmmc.bench.plugin.FolderPlugin\n");
    Path out = temp.resolve("out");

    CommandRun r = CommandRun.of("--plugins", folder.toString(), "latency", "--design",
        "folder,shrimp1", "--sizes", "4", "--mesh", "2x1", "--warmup", "0", "--rounds", "1",
        "--out", out.toString(), "--param", "folder.start-cycles=40");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("shrimp1/du", "folder/du");
    assertThat(Files.readString(out.resolve("latency.csv"))).contains("latency,folder,du,4,");
    assertThat(Files.readString(out.resolve("REPORT.md"))).contains("**40**");
  }

  @Test
  void aMissingPluginsFolderIsAClearError() {
    CommandRun r = CommandRun.of("--plugins", temp.resolve("absent").toString(), "params");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("--plugins").contains("absent").contains("no such folder");
  }

  @Test
  void aFileThatIsNotAJarIsAClearError() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("plugins"));
    Files.writeString(folder.resolve("notes.txt"), "not a plug-in");

    CommandRun r = CommandRun.of("--plugins", folder.toString(), "params");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("notes.txt").contains("not a jar");
  }

  @Test
  void aBrokenPluginIsAClearErrorNamingIt() throws IOException {
    Path folder = folderWithJar("org.vmmc.bench.plugin.NoSuchPlugin\n");

    CommandRun r = CommandRun.of("--plugins", folder.toString(), "params");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("could not be loaded")
        .contains("org.vmmc.bench.plugin.NoSuchPlugin");
  }

  @Test
  void aPluginInTheFolderWithAShippedNameIsRefusedNamingBothClasses() throws IOException {
    Path folder = folderWithJar("org.vmmc.bench.plugin.ImpostorPlugin\n");

    CommandRun r = CommandRun.of("--plugins", folder.toString(), "params");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("two network interface plug-ins are named 'shrimp1'")
        .contains("org.vmmc.hardware.shrimp1.Shrimp1Plugin")
        .contains("org.vmmc.bench.plugin.ImpostorPlugin");
  }

  @Test
  void theSameClassListedTwiceIsOneDesign() throws IOException {
    Path folder = folderWithJar("org.vmmc.bench.plugin.TwinPlugin\n");

    CommandRun r = CommandRun.of("--plugins", folder.toString(), "params");

    // The jar's service file names the class the test class path already lists: one class,
    // found twice, is one design.
    assertThat(r.status()).as(r.err()).isZero();
  }
}
