package org.vmmc.examples.ideal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * VMMC's guide to adding a design ({@code docs/new-nic-design.md}) lists the files a new design
 * consists of; this project is that design, so the list must be exactly its files.
 */
class NewDesignGuideTest {
  /** The opening line of the guide's fenced block that lists the files. */
  static final String MARKER = "```text files-of-a-new-design";

  private static Path project() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .toAbsolutePath().normalize();
  }

  /** The paths the guide's block lists, one a line, each its first word. */
  static Set<String> listed(List<String> guide, Path source) {
    int start = guide.indexOf(MARKER);
    assertThat(start).as("%s has a block opening with the line %s", source, MARKER)
        .isNotNegative();
    Set<String> paths = new TreeSet<>();
    for (int i = start + 1; i < guide.size(); i++) {
      String line = guide.get(i).strip();
      if (line.startsWith("```")) {
        return paths;
      }
      if (!line.isEmpty()) {
        assertThat(paths.add(line.split("\\s+", 2)[0])).as("%s lists %s once", source, line)
            .isTrue();
      }
    }
    throw new AssertionError(source + ": the block opened by " + MARKER + " is never closed");
  }

  /** Every file of the project, relative to it, except build output and hidden files. */
  static Set<String> files(Path project) throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path relative = project.relativize(file);
        boolean skipped = relative.startsWith("target");
        for (Path part : relative) {
          skipped |= part.toString().startsWith(".");
        }
        if (!skipped) {
          files.add(relative.toString().replace(file.getFileSystem().getSeparator(), "/"));
        }
      }
    }
    return files;
  }

  @Test
  void theGuideListsExactlyTheFilesOfThisDesign() throws IOException {
    Path project = project();
    Path guide = project.resolve("../../docs/new-nic-design.md").normalize();
    assertThat(guide).as("the guide to adding a design, beside this project at ../../docs")
        .isRegularFile();

    Set<String> listed = listed(Files.readAllLines(guide), guide);

    assertThat(listed).as("files listed in %s", guide)
        .containsExactlyElementsOf(files(project));
  }

  @Test
  void theBlockEndsAtItsFenceAndEachLineNamesAPathByItsFirstWord() {
    Set<String> listed = listed(List.of("intro", MARKER, "pom.xml  the build", "", "README.md",
        "```", "pom.xml"), Path.of("guide.md"));

    assertThat(listed).containsExactly("README.md", "pom.xml");
  }
}
