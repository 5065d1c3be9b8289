package org.vmmc.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;

/**
 * The layering the design reference asks for, checked on the compiled main classes of every
 * module: designs are plug-ins nothing else names, the kernel never reaches the hardware, the
 * user library reaches it only where it assembles a machine, and the bench only through the
 * public API and the plug-in interfaces.
 */
class LayeringTest {
  private static JavaClasses classes;
  private static Set<String> designPackages;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.vmmc");
    designPackages = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!c.isInterface() && c.isAssignableTo(NicDesign.class)) {
        designPackages.add(c.getPackageName());
      }
    }
    for (NicPlugin<?> p : ServiceLoader.load(NicPlugin.class)) {
      designPackages.add(p.getClass().getPackageName());
    }
  }

  @Test
  void theImportFindsTheShippedDesigns() {
    // A vacuous check proves nothing: the import must see the designs it guards.
    assertThat(designPackages).contains("org.vmmc.hardware.shrimp1",
        "org.vmmc.hardware.shrimp2", "org.vmmc.hardware.conventional");
  }

  @Test
  void nothingOutsideADesignsPackageDependsOnIt() {
    for (String design : designPackages) {
      noClasses().that().resideOutsideOfPackage(design + "..")
          .should().dependOnClassesThat().resideInAPackage(design + "..")
          .because("a design is a plug-in: only its own package names it")
          .check(classes);
    }
  }

  @Test
  void theKernelNeverDependsOnTheHardware() {
    noClasses().that().resideInAPackage("org.vmmc.kernel..")
        .should().dependOnClassesThat().resideInAPackage("org.vmmc.hardware..")
        .because("the kernel sees the hardware only through the SPIs in vmmc-core")
        .check(classes);
  }

  @Test
  void theUserLibraryReachesTheHardwareOnlyWhereItAssemblesAMachine() {
    noClasses().that().resideInAPackage("org.vmmc.userlib..")
        .and().doNotHaveFullyQualifiedName("org.vmmc.userlib.Multicomputer")
        .and().doNotHaveFullyQualifiedName("org.vmmc.userlib.Multicomputer$Builder")
        .should().dependOnClassesThat().resideInAPackage("org.vmmc.hardware..")
        .because("programs see the hardware only through the SPIs in vmmc-core")
        .check(classes);
    noClasses().that().resideInAPackage("org.vmmc.userlib..")
        .should().dependOnClassesThat().resideInAPackage("org.vmmc.hardware.nic..")
        .because("the shared NIC blocks are building material for designs, not for programs")
        .check(classes);
  }

  @Test
  void theBenchUsesOnlyThePublicApiAndThePluginInterfaces() {
    noClasses().that().resideInAPackage("org.vmmc.bench..")
        .should().dependOnClassesThat().resideInAPackage("org.vmmc.hardware.nic..")
        .because("the bench measures designs through the user library and NicPlugin")
        .check(classes);
    noClasses().that().resideInAPackage("org.vmmc.bench..")
        .should().dependOnClassesThat().resideInAPackage("org.vmmc.testkit..")
        .because("the test kit is for tests")
        .check(classes);
  }

  @Test
  void noMainSourceOutsideADesignsPackageSpellsItsName() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).as("the project root above %s", Path.of("")).exists();
    Set<String> names = new TreeSet<>();
    for (NicPlugin<?> p : ServiceLoader.load(NicPlugin.class)) {
      names.add(p.name());
    }
    assertThat(names).contains("shrimp1", "shrimp2", "conventional");
    List<String> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
          .toList()) {
        Path sources = module.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
            String pkg = sources.relativize(f.getParent()).toString().replace('/', '.');
            if (designPackages.stream().noneMatch(d -> pkg.equals(d) || pkg.startsWith(d + "."))) {
              found.addAll(literalsNaming(names, root.relativize(f), read(f)));
            }
          });
        }
      }
    }
    assertThat(found).as("string literals that name a design outside its package").isEmpty();
  }

  private static List<String> literalsNaming(Set<String> names, Path file, String source) {
    List<String> hits = new ArrayList<>();
    for (String literal : stringLiterals(source)) {
      for (String name : names) {
        if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(literal).find()) {
          hits.add(file + ": " + literal);
        }
      }
    }
    return hits;
  }

  /** The string literals of Java source {@code s}, comments and character literals skipped. */
  static List<String> stringLiterals(String s) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? s.length() : end;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else if (c == '"' || c == '\'') {
        String quote = s.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
        int j = i + quote.length();
        while (j < s.length() && !s.startsWith(quote, j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          literals.add(s.substring(i, Math.min(s.length(), j + quote.length())));
        }
        i = j + quote.length();
      } else {
        i++;
      }
    }
    return literals;
  }

  @Test
  void theLiteralScannerSkipsCommentsAndCharacters() {
    assertThat(stringLiterals("""
        /** a "shrimp2" in a comment */ String a = "x \\" y"; // "z"
        char q = '"'; String b = "shrimp1 ";
        """)).containsExactly("\"x \\\" y\"", "\"shrimp1 \"");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
