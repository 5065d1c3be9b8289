package org.vmmc.testkit;

import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.userlib.Inspector;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;

/**
 * AssertJ assertions in VMMC's terms, so that a test reads like the design reference:
 *
 * <pre>{@code
 * assertThat(result).finishedCleanly();
 * assertThat(result).counter(NodeId.of(0), NicCounter.PACKETS_RECEIVED).isEqualTo(1);
 * assertThat(mc).hasNoFramesInUse().hasNoDropReports();
 * assertThat(arrivals).carriedExactly(storeLog);
 * assertThat(rig.memory(0)).hasWordAt(address, 0xCAFE);
 * assertThat(mc.inspector()).containsAt(NodeId.of(0), address, bytes);
 * }</pre>
 *
 * Import it statically beside {@code org.assertj.core.api.Assertions.assertThat}; the overloads
 * do not clash.
 */
public final class VmmcAssertions {
  private VmmcAssertions() {}

  /** Assertions on how a run ended: its counters. */
  public static RunResultAssert assertThat(RunResult actual) {
    return new RunResultAssert(actual);
  }

  /** Assertions on a machine after (or between) runs: frames in use, drop reports. */
  public static MulticomputerAssert assertThat(Multicomputer actual) {
    return new MulticomputerAssert(actual);
  }

  /** Assertions on what a machine's inspector sees: physical memory of its nodes. */
  public static InspectorAssert assertThat(Inspector actual) {
    return new InspectorAssert(actual);
  }

  /** Assertions on one node's physical memory, as a {@link DesignRig} hands it out. */
  public static PhysicalMemoryAssert assertThat(PhysicalMemory actual) {
    return new PhysicalMemoryAssert(actual);
  }

  /** Assertions on what landed in a receive buffer. */
  public static ArrivalsAssert assertThat(Arrivals actual) {
    return new ArrivalsAssert(actual);
  }
}
