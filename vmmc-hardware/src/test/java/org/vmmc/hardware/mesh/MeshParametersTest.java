package org.vmmc.hardware.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;

class MeshParametersTest {

  @Test
  void paragonPresetGivesTwoHundredMegabytesPerSecondAndFortyNanosecondsPerHop() {
    MeshParameters p = MeshParameters.PARAGON;
    assertThat(p.nodeCount()).isEqualTo(16);
    assertThat(p.linkBytesPerSecond()).isEqualTo(200e6);
    assertThat(p.linkCycleTime().times(p.routerDelayCycles() + p.linkDelayCycles()))
        .isEqualTo(SimDuration.ofNanos(40));
    assertThat(p.virtualChannels()).isEqualTo(1);
    assertThat(p.maxPayloadBytes()).isEqualTo(4096);
  }

  @Test
  void builderChangesOnlyWhatIsSet() {
    MeshParameters p = MeshParameters.PARAGON.toBuilder().size(8, 2).inputBufferFlits(16)
        .build();
    assertThat(p).isEqualTo(new MeshParameters(8, 2, 2, SimDuration.ofNanos(10), 3, 1, 16, 1,
        4096, 1));
    assertThat(MeshParameters.paragon(32, 32).nodeCount()).isEqualTo(1024);
  }

  @Test
  void flitsCountTheHeader() {
    MeshParameters p = MeshParameters.PARAGON;
    assertThat(p.flitsFor(4)).isEqualTo(8);
    assertThat(p.flitsFor(5)).isEqualTo(9);
    assertThat(p.flitsFor(4096)).isEqualTo(2054);
  }

  @Test
  void distanceAndZeroLoadCyclesFollowTheXThenYRoute() {
    MeshParameters p = MeshParameters.paragon(5, 3);
    // node 2 is (2,0), node 13 is (3,2)
    assertThat(p.distance(NodeId.of(2), NodeId.of(13))).isEqualTo(3);
    assertThat(p.zeroLoadCycles(NodeId.of(2), NodeId.of(13), 10)).isEqualTo(4 * 4 + 9);
    assertThat(p.zeroLoadCycles(NodeId.of(7), NodeId.of(7), 1)).isEqualTo(4);
  }

  @Test
  void invalidParametersAreRejectedNamingTheLimit() {
    MeshParameters.Builder b = MeshParameters.PARAGON.toBuilder();
    assertThatThrownBy(() -> b.size(0, 4).build())
        .hasMessage("mesh width must be at least 1 router: 0");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().size(300, 300).build())
        .hasMessage("mesh of 300 x 300 routers exceeds the header's limit of 65536 nodes");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().routerDelayCycles(0).build())
        .hasMessage("router delay must be at least 1 cycle: 0");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().linkDelayCycles(0).build())
        .hasMessage("link delay must be at least 1 cycle: 0");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().inputBufferFlits(0).build())
        .hasMessage("input buffer must hold at least 1 flit: 0");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().virtualChannels(2).build())
        .hasMessage("only 1 virtual channel per link is modelled (as on the Paragon): 2");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().maxPayloadBytes(8192).build())
        .hasMessage("max payload must be 1 to 4096 bytes: 8192");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder()
        .linkCycleTime(SimDuration.ZERO).build())
        .hasMessage("link cycle time must be positive: 0 ps");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().injectionQueuePackets(0)
        .build())
        .hasMessage("injection port must hold at least 1 packet: 0");
    assertThatThrownBy(() -> MeshParameters.PARAGON.toBuilder().flitBytes(0).build())
        .hasMessage("flit size must be at least 1 byte: 0");
  }

  @Test
  void equalParametersAreEqualValues() {
    MeshParameters a = MeshParameters.paragon(8, 8);
    assertThat(a).isEqualTo(MeshParameters.paragon(8, 8))
        .hasSameHashCodeAs(MeshParameters.paragon(8, 8))
        .isNotEqualTo(MeshParameters.paragon(8, 4))
        .isNotEqualTo(a.toBuilder().linkCycleTime(SimDuration.ofNanos(11)).build());
  }
}
