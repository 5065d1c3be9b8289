package org.vmmc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.google.inject.AbstractModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.userlib.Multicomputer;

/** What the extension hands the sample test classes below, run on their own. */
class SimulatedMulticomputerTest {
  /** Every machine a sample test was given, in the order the tests ran. */
  static final List<Multicomputer> GIVEN = new ArrayList<>();

  @BeforeEach
  void forget() {
    GIVEN.clear();
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute()
        .testEvents();
  }

  private static void assertClosed(Multicomputer mc) {
    assertThatThrownBy(() -> mc.node(0).spawn("late", p -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulator is closed");
  }

  @VmmcTest(design = Shrimp1Module.class, mesh = "2x1", seed = 7)
  static class ConfiguredOnTheClass {
    @Test
    void runsOnTheMachineTheClassNames(Multicomputer mc) {
      GIVEN.add(mc);
      assertThat(mc.run().endTime().picos()).isZero();
    }

    @Nested
    class Inside {
      @Test
      @VmmcTest(design = ConventionalModule.class, mesh = "3x1")
      void aMethodsOwnConfigurationWins(Multicomputer mc) {
        GIVEN.add(mc);
      }
    }
  }

  @Test
  void aMachineIsBuiltAsTheNearestAnnotationSaysAndClosedAfterTheTest() {
    run(ConfiguredOnTheClass.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(GIVEN).hasSize(2);
    assertThat(GIVEN.get(0).design().name()).isEqualTo("shrimp1");
    assertThat(GIVEN.get(0).nodeCount()).isEqualTo(2);
    assertThat(GIVEN.get(0).seed()).isEqualTo(7);
    assertThat(GIVEN.get(1).design().name()).isEqualTo("conventional");
    assertThat(GIVEN.get(1).width()).isEqualTo(3);
    assertThat(GIVEN.get(1).seed()).isZero();
    GIVEN.forEach(SimulatedMulticomputerTest::assertClosed);
  }

  @ExtendWith(SimulatedMulticomputer.class)
  static class WithoutConfiguration {
    @Test
    void neverRuns(Multicomputer mc) {
      GIVEN.add(mc);
    }
  }

  @Test
  void withoutADesignTheTestFailsSayingHowToNameOneAndWhichThereAre() {
    run(WithoutConfiguration.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message(m -> m.contains("no @VmmcTest on it or its class names a design")
            && m.contains("no network interface design")
            && m.contains("shrimp2 (org.vmmc.hardware.shrimp2.Shrimp2Plugin)"))));
    assertThat(GIVEN).isEmpty();
  }

  @VmmcTest(mesh = "1x1")
  static class TakesTheBuilder {
    @Test
    void buildsItself(Multicomputer.Builder builder) {
      Multicomputer mc = builder.design(new Shrimp2Module()).seed(99).build();
      GIVEN.add(mc);
    }
  }

  @Test
  void aBuilderParameterGetsTheConfiguredBuilderAndTheTestOwnsWhatItBuilds() {
    run(TakesTheBuilder.class).assertStatistics(s -> s.succeeded(1));
    Multicomputer mc = GIVEN.get(0);
    assertThat(mc.nodeCount()).isEqualTo(1);
    assertThat(mc.seed()).isEqualTo(99);
    mc.node(0).spawn("still open", p -> { });
    mc.close();
  }

  @VmmcTest(design = Shrimp2Module.class, mesh = "1x1")
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class ConstructorInjected {
    private final Multicomputer mc;

    ConstructorInjected(Multicomputer mc) {
      this.mc = mc;
    }

    @Test
    void first() {
      GIVEN.add(mc);
    }

    @Test
    void second() {
      assertThat(GIVEN).hasSize(1).allSatisfy(SimulatedMulticomputerTest::assertClosed);
      GIVEN.add(mc);
    }
  }

  @Test
  void aMachineForTheConstructorIsClosedAfterTheTestItWasMadeFor() {
    run(ConstructorInjected.class).assertStatistics(s -> s.succeeded(2));
    assertThat(GIVEN).hasSize(2).doesNotHaveDuplicates();
  }

  @VmmcTest(mesh = "2by1")
  static class BadMesh {
    @Test
    void neverRuns(Multicomputer mc) {
      GIVEN.add(mc);
    }
  }

  @Test
  void aMeshThatIsNotWidthByHeightFailsTheTestNamingIt() {
    run(BadMesh.class).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message(m -> m.contains("@VmmcTest(mesh = \"2by1\")")
            && m.contains("is not WIDTHxHEIGHT"))));
    assertThat(GIVEN).isEmpty();
  }

  /** A design module that needs an argument. */
  static final class NeedsAnArgument extends AbstractModule {
    NeedsAnArgument(int unused) {}
  }

  @VmmcTest(design = NeedsAnArgument.class)
  static class DesignWithoutDefaultConstructor {
    @Test
    void neverRuns(Multicomputer mc) {
      GIVEN.add(mc);
    }
  }

  @Test
  void aDesignWithoutAPublicNoArgumentConstructorFailsTheTestSayingWhatToDo() {
    run(DesignWithoutDefaultConstructor.class).assertThatEvents().haveExactly(1,
        finishedWithFailure(message(m -> m.contains("public no-argument constructor")
            && m.contains("take a Multicomputer.Builder"))));
  }
}
