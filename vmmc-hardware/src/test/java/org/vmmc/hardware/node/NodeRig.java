package org.vmmc.hardware.node;

import org.vmmc.core.ClockRate;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PageNumber;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.core.hw.MemoryFrame;
import org.vmmc.core.hw.MmioDevice;
import org.vmmc.core.hw.PageTableEntry;
import org.vmmc.core.sim.Simulator;

/**
 * One node's memory, Xpress bus and CPU built from real parts, with round-number timing: a
 * 100 MHz clock (10 ns a cycle), loads of 1 cycle, stores of 2, device references of 30, and
 * bus writes of 50 ns.
 */
final class NodeRig implements AutoCloseable {
  static final CpuParameters CPU =
      new CpuParameters(ClockRate.ofMegahertz(100), 1, 2, 30, 0, 0, 0, 0, 0);
  static final MemoryBusParameters BUS = new MemoryBusParameters(SimDuration.ofNanos(50));
  static final int PAGE = MemoryGeometry.SHRIMP.pageSize();

  final Simulator sim = new Simulator(7);
  final LazyPhysicalMemory memory = new LazyPhysicalMemory(1 << 20, MemoryGeometry.SHRIMP);
  final XpressBus bus = new XpressBus(sim, NodeId.of(0), memory, BUS);
  final PentiumCpu cpu = new PentiumCpu(sim, NodeId.of(0), memory, bus, CPU);
  final PageTable space = new PageTable("process 0.1", MemoryGeometry.SHRIMP, memory.frameCount());

  /** Maps virtual page {@code page} to frame {@code frame}, write-back, user read-write. */
  void mapWriteBack(long page, long frame) {
    space.map(new PageNumber(page),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(frame))));
  }

  /** Maps virtual page {@code page} to frame {@code frame}, write-through, user read-write. */
  void mapWriteThrough(long page, long frame) {
    space.map(new PageNumber(page),
        PageTableEntry.userReadWrite(new MemoryFrame(new FrameNumber(frame)))
            .withWriteThrough(true));
  }

  /** Maps virtual page {@code page} to page {@code index} of {@code device}. */
  void mapDevice(long page, MmioDevice device, long index) {
    space.map(new PageNumber(page), PageTableEntry.userReadWrite(new DevicePage(device, index)));
  }

  static VirtualAddress va(long value) {
    return VirtualAddress.of(value);
  }

  static SimTime nanos(long n) {
    return SimTime.after(SimDuration.ofNanos(n));
  }

  @Override
  public void close() {
    sim.close();
  }
}
