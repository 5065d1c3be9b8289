package org.vmmc.core;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class ValueTypeEqualityTest {

  @Test
  void simTime() {
    EqualsVerifier.forClass(SimTime.class).verify();
  }

  @Test
  void simDuration() {
    EqualsVerifier.forClass(SimDuration.class).verify();
  }

  // Where a compact constructor rejects EqualsVerifier's default values, valid ones are given.
  @Test
  void clockRate() {
    EqualsVerifier.forClass(ClockRate.class)
        .withPrefabValuesForField("hertz", 60_000_000L, 33_000_000L)
        .verify();
  }

  @Test
  void memoryGeometry() {
    EqualsVerifier.forClass(MemoryGeometry.class)
        .withPrefabValuesForField("pageSize", 4096, 8192)
        .withPrefabValuesForField("wordSize", 4, 8)
        .verify();
  }

  @Test
  void virtualAddress() {
    EqualsVerifier.forClass(VirtualAddress.class).verify();
  }

  @Test
  void physicalAddress() {
    EqualsVerifier.forClass(PhysicalAddress.class).verify();
  }

  @Test
  void pageNumber() {
    EqualsVerifier.forClass(PageNumber.class).verify();
  }

  @Test
  void frameNumber() {
    EqualsVerifier.forClass(FrameNumber.class).verify();
  }

  @Test
  void nodeId() {
    EqualsVerifier.forClass(NodeId.class).verify();
  }

  @Test
  void processId() {
    EqualsVerifier.forClass(ProcessId.class).suppress(Warning.NULL_FIELDS).verify();
  }
}
