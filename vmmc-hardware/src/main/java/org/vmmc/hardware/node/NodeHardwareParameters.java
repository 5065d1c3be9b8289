package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;

/**
 * Everything that sizes and times one node's hardware.
 *
 * @param memoryBytes the size of physical memory in bytes, a whole number of pages
 * @param geometry the page and word sizes
 * @param cpu the processor's cost model
 * @param memoryBus the Xpress memory bus timing
 * @param ioBus the EISA bus DMA timing
 */
public record NodeHardwareParameters(
    long memoryBytes,
    MemoryGeometry geometry,
    CpuParameters cpu,
    MemoryBusParameters memoryBus,
    IoBusParameters ioBus) {

  /** 64 MB: a modelling guess for a mid-1990s Pentium PC node (the sources are silent). */
  static final long DEFAULT_MEMORY_BYTES = 64L << 20;

  /** Checks the memory size against the geometry and the physical address space. */
  public NodeHardwareParameters {
    requireNonNull(geometry, "geometry");
    requireNonNull(cpu, "cpu");
    requireNonNull(memoryBus, "memoryBus");
    requireNonNull(ioBus, "ioBus");
    checkArgument(memoryBytes > 0, "memory size must be positive: %s bytes", memoryBytes);
    checkArgument(geometry.isPageAligned(memoryBytes),
        "memory size %s bytes is not a whole number of %s-byte pages",
        memoryBytes, geometry.pageSize());
    checkArgument(memoryBytes - 1 <= PhysicalAddress.MAX,
        "memory size %s bytes exceeds the physical address space of %s bytes",
        memoryBytes, PhysicalAddress.MAX + 1);
  }

  /**
   * A SHRIMP node: 64 MB of memory (modelling guess), 4 KB pages and 4-byte words (stated),
   * a 60 MHz Pentium, the Xpress memory bus and the EISA bus with their documented defaults.
   */
  public static NodeHardwareParameters shrimp() {
    return new NodeHardwareParameters(DEFAULT_MEMORY_BYTES, MemoryGeometry.SHRIMP,
        CpuParameters.pentium60(), MemoryBusParameters.xpress(), IoBusParameters.eisa());
  }

  /** These parameters with {@code value} bytes of memory. */
  public NodeHardwareParameters withMemoryBytes(long value) {
    return new NodeHardwareParameters(value, geometry, cpu, memoryBus, ioBus);
  }

  /** These parameters with {@code value} as the processor's cost model. */
  public NodeHardwareParameters withCpu(CpuParameters value) {
    return new NodeHardwareParameters(memoryBytes, geometry, value, memoryBus, ioBus);
  }

  /** These parameters with {@code value} as the memory bus timing. */
  public NodeHardwareParameters withMemoryBus(MemoryBusParameters value) {
    return new NodeHardwareParameters(memoryBytes, geometry, cpu, value, ioBus);
  }

  /** These parameters with {@code value} as the I/O bus timing. */
  public NodeHardwareParameters withIoBus(IoBusParameters value) {
    return new NodeHardwareParameters(memoryBytes, geometry, cpu, memoryBus, value);
  }
}
