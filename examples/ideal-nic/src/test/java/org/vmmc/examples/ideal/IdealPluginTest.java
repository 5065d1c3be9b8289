package org.vmmc.examples.ideal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.param.Parameter;
import org.vmmc.userlib.Multicomputer;

/** The ideal interface as the framework discovers it. */
class IdealPluginTest {

  private static NicPlugin<?> discovered() {
    List<NicPlugin<?>> ideal = ServiceLoader.load(NicPlugin.class).stream()
        .<NicPlugin<?>>map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("ideal"))
        .toList();
    assertThat(ideal).singleElement().isInstanceOf(IdealPlugin.class);
    return ideal.get(0);
  }

  @Test
  void theServiceLineMakesItDiscoverable() {
    NicPlugin<?> plugin = discovered();
    assertThat(plugin.label()).isEqualTo("ideal interface");
    assertThat(plugin.modes()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("du");
      assertThat(m.kind()).isEqualTo(TransferKind.DELIBERATE_UPDATE);
    });
    assertThat(plugin.parameters().prefix()).isEqualTo("ideal");
  }

  @Test
  void itsModuleBuildsTheDesignItDeclares() {
    NicPlugin<?> plugin = discovered();
    try (Multicomputer mc = Multicomputer.builder().design(plugin.module()).mesh(2, 1).build()) {
      NicDesign design = mc.design();
      assertThat(design.name()).isEqualTo(plugin.name());
      assertThat(design.features()).isEqualTo(plugin.features());
    }
  }

  @Test
  void everyComponentOfTheRecordIsADeclaredParameter() {
    List<String> components = Arrays.stream(IdealParameters.class.getRecordComponents())
        .map(RecordComponent::getName).toList();
    List<String> declared = IdealParameters.PARAMETERS.parameters().stream()
        .map(Parameter::name).toList();
    assertThat(declared).containsExactly("max-packet-payload", "outgoing-packets");
    assertThat(components).containsExactly("maxPacketPayload", "outgoingPackets");
    assertThat(IdealParameters.DEFAULTS.toBuilder().build()).isEqualTo(IdealParameters.DEFAULTS);
  }

  @Test
  void aValueSetByNameReachesTheRecord() {
    IdealParameters changed = IdealParameters.PARAMETERS.with(IdealParameters.DEFAULTS,
        "outgoing-packets", "3");
    assertThat(changed.outgoingPackets()).isEqualTo(3);
    assertThat(changed.maxPacketPayload()).isEqualTo(IdealParameters.DEFAULTS.maxPacketPayload());
  }

  @Test
  void aBadValueIsRefusedNamingTheParameterAndTheLimit() {
    assertThatThrownBy(() -> IdealParameters.PARAMETERS.with(IdealParameters.DEFAULTS,
        "max-packet-payload", "6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ideal.max-packet-payload")
        .hasMessageContaining("'6'")
        .hasMessageContaining("multiple of 4");
    assertThatThrownBy(() -> IdealParameters.PARAMETERS.with(IdealParameters.DEFAULTS,
        "outgoing-packets", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ideal.outgoing-packets")
        .hasMessageContaining("at least 1");
  }
}
