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
}
