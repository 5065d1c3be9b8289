package org.vmmc.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.stats.CounterKey;

/** The designs this module ships, as the service file declares them. */
class ShippedPluginsTest {

  static List<NicPlugin<?>> discovered() {
    return ServiceLoader.load(NicPlugin.class).stream()
        .<NicPlugin<?>>map(ServiceLoader.Provider::get).toList();
  }

  @Test
  void theServiceFileListsTheThreeDesignsInTheirOrder() {
    assertThat(discovered()).extracting(NicPlugin::name)
        .containsExactly("shrimp1", "shrimp2", "conventional");
    assertThat(discovered()).extracting(NicPlugin::label)
        .containsExactly("SHRIMP-I", "SHRIMP-II", "conventional");
  }

  @ParameterizedTest
  @MethodSource("discovered")
  void itsModuleBindsTheDesignItDeclares(NicPlugin<?> plugin) {
    NicDesign bound = boundDesign(plugin);
    assertThat(bound.name()).isEqualTo(plugin.name());
    assertThat(bound.features()).isEqualTo(plugin.features());
    assertThat(plugin.description()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("discovered")
  void itsParametersAreNamedAfterIt(NicPlugin<?> plugin) {
    assertThat(plugin.parameters().prefix()).isEqualTo(plugin.name());
    assertThat(plugin.modes()).extracting(TransferMode::name).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("discovered")
  void nothingCountedMovesNoTime(NicPlugin<?> plugin) {
    assertThat(plugin.shares(new Counts(0))).allSatisfy(s -> assertThat(s.amount().picos())
        .isZero());
  }

  @ParameterizedTest
  @MethodSource("discovered")
  void moreCountedWorkMovesMoreTime(NicPlugin<?> plugin) {
    long few = plugin.shares(new Counts(1)).stream().mapToLong(s -> s.amount().picos()).sum();
    long many = plugin.shares(new Counts(100)).stream().mapToLong(s -> s.amount().picos()).sum();
    assertThat(many).isGreaterThan(few).isPositive();
  }

  private static NicDesign boundDesign(NicPlugin<?> plugin) {
    for (Element e : Elements.getElements(plugin.module())) {
      if (e instanceof Binding<?> b && b.getKey().equals(Key.get(NicDesign.class))) {
        return (NicDesign) ((InstanceBinding<?>) b).getInstance();
      }
    }
    throw new AssertionError(plugin.name() + "'s module binds no NicDesign instance");
  }

  /** Default parameters, and every counter grown by the same count on both nodes. */
  private record Counts(long count) implements AttributionContext {
    @Override
    public <R extends Record> R parameters(ParameterSet<R, ?> set) {
      return set.defaults();
    }

    @Override
    public MemoryGeometry geometry() {
      return MemoryGeometry.SHRIMP;
    }

    @Override
    public long senderCount(CounterKey key) {
      return count;
    }

    @Override
    public long receiverCount(CounterKey key) {
      return count;
    }
  }
}
