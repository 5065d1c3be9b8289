package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * Everything that sizes and times one node's hardware: the node's own figures, declared in
 * {@link #PARAMETERS}, and the parameter records of its processor and buses, each declared by
 * its own record.
 *
 * @param memoryBytes the size of physical memory in bytes, a whole number of pages
 * @param geometry the page and word sizes (stated: 4 KB pages, 4-byte words; not a declared
 *     parameter, since the packet format and the tables are laid out for them)
 * @param cpu the processor's cost model ({@link CpuParameters#PARAMETERS})
 * @param memoryBus the Xpress memory bus timing ({@link MemoryBusParameters#PARAMETERS})
 * @param ioBus the EISA bus DMA timing ({@link IoBusParameters#PARAMETERS})
 */
public record NodeHardwareParameters(
    long memoryBytes,
    MemoryGeometry geometry,
    CpuParameters cpu,
    MemoryBusParameters memoryBus,
    IoBusParameters ioBus) {

  /** A size in bytes held as a {@code long}, as physical memory needs. */
  private static final ValueType<Long> LONG_BYTES = ValueType.of("bytes", Long.class,
      ValueType.LONG_COUNT::parse, ValueType.LONG_COUNT::format);

  /**
   * The node's own declared parameters ({@code node.*}); the geometry, processor and buses are
   * not among them: the defaults take the SHRIMP geometry and the processor's and buses'
   * declared defaults.
   */
  public static final ParameterSet<NodeHardwareParameters, Builder> PARAMETERS =
      ParameterSet.builder("node", "node hardware", NodeHardwareParameters.class, Builder::new,
              Builder::build)
          .add("memory-bytes", LONG_BYTES, "physical memory of one node", 64L << 20,
              Provenance.uncertain("modelling guess for a mid-1990s Pentium PC node (64 MB);"
                  + " the sources are silent"),
              NodeHardwareParameters::memoryBytes, Builder::memoryBytes)
          .undeclared((p, b) -> b.geometry(p.geometry).cpu(p.cpu).memoryBus(p.memoryBus)
              .ioBus(p.ioBus), "geometry", "cpu", "memoryBus", "ioBus")
          .build();

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
   * A SHRIMP node: the declared defaults, 4 KB pages and 4-byte words, a 60 MHz Pentium, the
   * Xpress memory bus and the EISA bus with their declared defaults.
   */
  public static NodeHardwareParameters shrimp() {
    return PARAMETERS.defaults();
  }

  /** A builder holding these parameters, processor and buses included. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link NodeHardwareParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private long memoryBytes;
    private MemoryGeometry geometry = MemoryGeometry.SHRIMP;
    private CpuParameters cpu = CpuParameters.PARAMETERS.defaults();
    private MemoryBusParameters memoryBus = MemoryBusParameters.PARAMETERS.defaults();
    private IoBusParameters ioBus = IoBusParameters.PARAMETERS.defaults();

    private Builder() {}

    /** Sets the size of physical memory, in bytes. */
    public Builder memoryBytes(long value) {
      this.memoryBytes = value;
      return this;
    }

    /** Sets the page and word sizes. */
    public Builder geometry(MemoryGeometry value) {
      this.geometry = value;
      return this;
    }

    /** Sets the processor's cost model. */
    public Builder cpu(CpuParameters value) {
      this.cpu = value;
      return this;
    }

    /** Sets the memory bus timing. */
    public Builder memoryBus(MemoryBusParameters value) {
      this.memoryBus = value;
      return this;
    }

    /** Sets the I/O bus timing. */
    public Builder ioBus(IoBusParameters value) {
      this.ioBus = value;
      return this;
    }

    /** The parameters, checked. */
    public NodeHardwareParameters build() {
      return new NodeHardwareParameters(memoryBytes, geometry, cpu, memoryBus, ioBus);
    }
  }
}
