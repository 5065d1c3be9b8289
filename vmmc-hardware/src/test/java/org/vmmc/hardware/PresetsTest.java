package org.vmmc.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmmc.core.ClockRate;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Parameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

/** The hardware presets hold the figures their Javadoc documents, written out here once. */
class PresetsTest {
  static final MeshParameters PARAGON =
      new MeshParameters(4, 4, 2, SimDuration.ofNanos(10), 3, 1, 4, 1, 4096, 1);
  static final NodeHardwareParameters SHRIMP_NODE = new NodeHardwareParameters(64L << 20,
      MemoryGeometry.SHRIMP, CpuParameters.pentium60(), MemoryBusParameters.xpress(),
      IoBusParameters.eisa());
  static final Shrimp1Parameters SHRIMP1 =
      new Shrimp1Parameters(ClockRate.ofMegahertz(33), 128, 128, 4, 1, 6, 4, 2);
  static final Shrimp2Parameters SHRIMP2 = new Shrimp2Parameters(
      ClockRate.ofMegahertz(33), 4096, 4, 1, 4096, 6, 4, 2, 1024, 4, 96, false);
  static final ConventionalParameters PARAGON_NX = new ConventionalParameters(
      600, 480, 50, 4, 480, 660, 16, 16, ClockRate.ofMegahertz(33), 6);

  @Test
  void presetsHoldTheDocumentedFigures() {
    assertThat(MeshParameters.PARAGON).isEqualTo(PARAGON);
    assertThat(MeshParameters.paragon(8, 2))
        .isEqualTo(new MeshParameters(8, 2, 2, SimDuration.ofNanos(10), 3, 1, 4, 1, 4096, 1));
    assertThat(NodeHardwareParameters.shrimp()).isEqualTo(SHRIMP_NODE);
    assertThat(Shrimp1Parameters.DEFAULTS).isEqualTo(SHRIMP1);
    assertThat(Shrimp2Parameters.DEFAULTS).isEqualTo(SHRIMP2);
    assertThat(ConventionalParameters.PARAGON_NX).isEqualTo(PARAGON_NX);
  }

  @Test
  void declaredDefaultsAreThePresets() {
    assertThat(MeshParameters.PARAMETERS.defaults()).isEqualTo(PARAGON);
    assertThat(NodeHardwareParameters.PARAMETERS.defaults()).isEqualTo(SHRIMP_NODE);
    assertThat(Shrimp1Parameters.PARAMETERS.defaults()).isEqualTo(SHRIMP1);
    assertThat(Shrimp2Parameters.PARAMETERS.defaults()).isEqualTo(SHRIMP2);
    assertThat(ConventionalParameters.PARAMETERS.defaults()).isEqualTo(PARAGON_NX);
  }

  @Test
  void buildersKeepWhatIsNotADeclaredParameter() {
    MeshParameters eightByTwo = PARAGON.toBuilder().size(8, 2).flitBytes(4).build();
    assertThat(eightByTwo.toBuilder().build()).isEqualTo(eightByTwo);
    assertThat(MeshParameters.PARAMETERS.with(eightByTwo, "flit-bytes", "8"))
        .isEqualTo(eightByTwo.toBuilder().flitBytes(8).build());
    assertThat(MeshParameters.PARAMETERS.undeclaredComponents())
        .containsExactly("width", "height");

    NodeHardwareParameters node = SHRIMP_NODE.toBuilder()
        .cpu(CpuParameters.pentium60().toBuilder().uncachedIoCycles(45).build()).build();
    assertThat(NodeHardwareParameters.PARAMETERS.with(node, "memory-bytes", "1048576"))
        .isEqualTo(node.toBuilder().memoryBytes(1 << 20).build())
        .extracting(NodeHardwareParameters::cpu).isEqualTo(node.cpu());
  }

  @Test
  void designRecordsRoundTripThroughTheirBuilders() {
    Shrimp1Parameters s1 = SHRIMP1.toBuilder().startCycles(9).build();
    assertThat(s1.toBuilder().build()).isEqualTo(s1);
    Shrimp2Parameters s2 = SHRIMP2.toBuilder().interruptEveryArrival(true).build();
    assertThat(s2.toBuilder().build()).isEqualTo(s2);
    ConventionalParameters nx = PARAGON_NX.toBuilder().cardClock(ClockRate.ofMegahertz(50))
        .build();
    assertThat(nx.toBuilder().build()).isEqualTo(nx);
  }
}
