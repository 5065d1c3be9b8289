package org.vmmc.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.bench.plugin.ImpostorPlugin;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;

/**
 * The designs as discovered: the bench lists what the plug-ins on the class path declare, which
 * here includes {@code twin}, a design only the tests' own service file names.
 */
class DesignsTest {
  private static final Designs FOUND = Designs.onClassPath();

  @Test
  void everyDiscoveredDesignInEachOfItsModesIsAVariantInDeclarationOrder() {
    List<String> expected = new ArrayList<>();
    for (NicPlugin<?> p : FOUND.plugins()) {
      for (TransferMode m : p.modes()) {
        expected.add(p.name() + "/" + m.name());
      }
    }
    assertThat(FOUND.variants()).extracting(Variant::key).containsExactlyElementsOf(expected)
        .doesNotHaveDuplicates().contains("twin/du");
    assertThat(FOUND.select(Set.of(), Set.of())).isEqualTo(FOUND.variants());
  }

  @Test
  void aVariantMovesMessagesAsItsModesKindSays() {
    for (Variant v : FOUND.variants()) {
      assertThat(v.transfer()).as(v.key()).isSameAs(
          v.transferMode().kind() == TransferKind.AUTOMATIC_UPDATE
              ? TransferMethod.AUTOMATIC_UPDATE : TransferMethod.DELIBERATE_UPDATE);
      assertThat(v.label()).isEqualTo(v.transferMode().label());
    }
  }

  @Test
  void theDesignsShippedWithTheHardwareComeFirstInTheirServiceFilesOrder() {
    assertThat(FOUND.names()).startsWith("shrimp1", "shrimp2", "conventional").contains("twin");
  }

  @Test
  void everyDesignsParametersCanBeSetByName() {
    ParameterCatalog catalog = FOUND.catalog();
    for (NicPlugin<?> p : FOUND.plugins()) {
      assertThat(catalog.sets()).contains(p.parameters());
    }
    MachineConfig slower = catalog.apply(MachineConfig.defaults(), "twin.start-cycles=40");
    NicPlugin<?> twin = FOUND.named("twin").orElseThrow();
    assertThat(slower.get(twin.parameters())).isNotEqualTo(twin.parameters().defaults());
  }

  @Test
  void selectionByDesignAndModeKeepsTheDiscoveredOrder() {
    assertThat(FOUND.select(Set.of("twin", "shrimp2"), Set.of("du")))
        .extracting(Variant::key).containsExactly("shrimp2/du", "twin/du");
  }

  @Test
  void aDesignWithoutTheModeNamesThePairsThereAre() {
    assertThatThrownBy(() -> FOUND.select(Set.of("twin"), Set.of("au")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no design/mode pair matches")
        .hasMessageContaining("twin/du");
  }

  @Test
  void anUnknownDesignNamesTheDiscoveredOnes() {
    assertThatThrownBy(() -> FOUND.select(Set.of("cm5"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("design 'cm5' is not available; available designs: "
            + String.join(", ", FOUND.names()));
  }

  @Test
  void twoPluginsWithOneNameAreRefusedNamingBothClasses() {
    NicPlugin<?> shipped = FOUND.named("shrimp1").orElseThrow();
    NicPlugin<?> impostor = new ImpostorPlugin();
    assertThatThrownBy(() -> Designs.of(List.of(shipped, impostor)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two network interface plug-ins are named 'shrimp1'")
        .hasMessageContaining(shipped.getClass().getName())
        .hasMessageContaining(impostor.getClass().getName());
  }

  @Test
  void aPluginWhoseDeclarationResultsCouldNotNameIsRefusedNamingItsClass() {
    NicPlugin<?> shipped = FOUND.named("shrimp1").orElseThrow();
    List<TransferMode> du = shipped.modes();
    assertThatThrownBy(() -> Designs.of(List.of(declaring(shipped, "My/Design", du))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is named 'My/Design'")
        .hasMessageContaining("lower-case letters and digits");
    assertThatThrownBy(() -> Designs.of(List.of(declaring(shipped, "nomodes", List.of()))))
        .hasMessageContaining("(nomodes) declares no modes");
    assertThatThrownBy(() -> Designs.of(List.of(declaring(shipped, "twice",
        List.of(du.get(0), du.get(0))))))
        .hasMessageContaining("(twice) declares mode 'du' twice");
  }

  @Test
  void aPluginBuiltAgainstAnotherInterfaceIsRefusedNamingItsClass() {
    NicPlugin<?> shipped = FOUND.named("shrimp1").orElseThrow();
    NicPlugin<?> stale = stale(shipped);
    assertThatThrownBy(() -> Designs.of(List.of(stale)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(stale.getClass().getName())
        .hasMessageContaining("does not fit this version's NicPlugin interface");
  }

  /** {@code base} as a plug-in compiled against an interface without {@code design()} fails. */
  private static <P extends Record> NicPlugin<P> stale(NicPlugin<P> base) {
    return new ForwardingPlugin<>(base) {
      @Override
      public NicDesign design() {
        throw new AbstractMethodError("design()");
      }
    };
  }

  /** {@code base} under another name, with {@code modes}. */
  private static <P extends Record> NicPlugin<P> declaring(NicPlugin<P> base, String name,
      List<TransferMode> modes) {
    return new ForwardingPlugin<>(base) {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<TransferMode> modes() {
        return modes;
      }
    };
  }

  /** A plug-in that answers as {@code base} does. */
  private static class ForwardingPlugin<P extends Record> implements NicPlugin<P> {
    private final NicPlugin<P> base;

    ForwardingPlugin(NicPlugin<P> base) {
      this.base = base;
    }

    @Override
    public NicDesign design() {
      return base.design();
    }

    @Override
    public String label() {
      return base.label();
    }

    @Override
    public String description() {
      return base.description();
    }

    @Override
    public List<TransferMode> modes() {
      return base.modes();
    }

    @Override
    public ParameterSet<P, ?> parameters() {
      return base.parameters();
    }

    @Override
    public Module module(P parameters) {
      return base.module(parameters);
    }
  }

  @Test
  void noPluginAtAllIsRefused() {
    assertThatThrownBy(() -> Designs.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no network interface design was found");
  }

  @Test
  void aModeTheDesignDoesNotDeclareIsRefused() {
    NicPlugin<?> twin = FOUND.named("twin").orElseThrow();
    assertThatThrownBy(() -> new Variant(twin, new TransferMode("au", "x",
        TransferKind.AUTOMATIC_UPDATE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twin has no mode au");
  }
}
