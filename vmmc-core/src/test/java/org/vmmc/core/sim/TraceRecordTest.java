package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;

class TraceRecordTest {

  @Test
  void traceRecordsAndTracePointsAreValues() {
    EqualsVerifier.forClass(TraceRecord.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(TracePoint.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void aRecordCarriesItsTracePointsStageNodeAndText() {
    TracePoint point = TracePoint.of(Stage.IO_BUS_DMA, NodeId.of(3), "du read");

    TraceRecord r = TraceRecord.of(5_000, 7, point);

    assertThat(r).isEqualTo(
        new TraceRecord(5_000, 7, Stage.IO_BUS_DMA, Optional.of(NodeId.of(3)), "du read"));
    assertThat(r).hasToString("5000 ps #7 IO_BUS_DMA node3 du read");
    assertThat(TraceRecord.of(0, 0, TracePoint.machine(Stage.NETWORK, "mesh cycle")))
        .hasToString("0 ps #0 NETWORK mesh cycle");
  }

  @Test
  void aRecordNeedsAStageANodeFieldAndAText() {
    assertThatThrownBy(() -> new TraceRecord(0, 0, null, Optional.empty(), "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("stage");
    assertThatThrownBy(() -> new TraceRecord(0, 0, Stage.OTHER, null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("node");
    assertThatThrownBy(() -> new TraceRecord(0, 0, Stage.OTHER, Optional.empty(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("what");
  }

  @Test
  void aMissingPointIsRefusedAndAPlainEventIsTracedAsUntraced() {
    List<TraceRecord> trace = new ArrayList<>();
    try (Simulator sim = new Simulator(1)) {
      sim.setTracer(trace::add);
      assertThatThrownBy(() -> sim.schedule(SimDuration.ZERO, null, () -> { }))
          .isInstanceOf(NullPointerException.class).hasMessage("point");
      sim.schedule(SimDuration.ZERO, () -> { });
      sim.run();
    }
    assertThat(trace).singleElement()
        .isEqualTo(TraceRecord.of(0, 0, Simulator.UNTRACED));
  }
}
