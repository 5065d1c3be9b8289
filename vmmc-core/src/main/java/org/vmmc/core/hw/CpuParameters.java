package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;

/**
 * The cost model of a node's processor: its clock and the cycles each class of operation
 * takes. Cache misses are not modelled: every reference to a memory page costs the cached
 * figure. Each figure's unit, default and source are declared in {@link #PARAMETERS}.
 *
 * @param clock the core clock
 * @param cachedLoadCycles cycles of a load from a memory page, per word
 * @param cachedStoreCycles cycles of a store to a memory page, per word (a write-through store
 *     then also waits for its memory bus transaction)
 * @param uncachedIoCycles cycles of one uncached reference to a device page
 * @param trapEntryCycles cycles from a system-call trap to the kernel's handler
 * @param trapExitCycles cycles from the kernel's return to the user instruction after the trap
 * @param interruptEntryCycles cycles from a device interrupt to the kernel's handler
 * @param interruptExitCycles cycles from the end of an interrupt handler back to the interrupted code
 * @param contextSwitchCycles cycles the kernel spends switching from one process to another
 */
public record CpuParameters(
    ClockRate clock,
    int cachedLoadCycles,
    int cachedStoreCycles,
    int uncachedIoCycles,
    int trapEntryCycles,
    int trapExitCycles,
    int interruptEntryCycles,
    int interruptExitCycles,
    int contextSwitchCycles) {

  /** The declared parameters ({@code cpu.*}), with the SHRIMP node's Pentium as defaults. */
  public static final ParameterSet<CpuParameters, Builder> PARAMETERS = ParameterSet.builder(
          "cpu", "node CPU", CpuParameters.class, Builder::new, Builder::build)
      .add("clock-mhz", ValueType.MEGAHERTZ, "node CPU core clock", ClockRate.ofMegahertz(60),
          Provenance.uncertain("design reference, section 3: a Pentium at 60 MHz, a modelling"
              + " guess"),
          CpuParameters::clock, Builder::clock)
      .add("cached-load-cycles", ValueType.INT_CYCLES, "load from memory, per word", 1,
          Provenance.inferred("the Pentium's L1 hit in one pipe, from its published timings"),
          CpuParameters::cachedLoadCycles, Builder::cachedLoadCycles)
      .add("cached-store-cycles", ValueType.INT_CYCLES, "store to memory, per word", 1,
          Provenance.inferred("the Pentium's L1 hit in one pipe, from its published timings"),
          CpuParameters::cachedStoreCycles, Builder::cachedStoreCycles)
      .add("uncached-io-cycles", ValueType.INT_CYCLES, "one uncached reference to a device page",
          30, Provenance.uncertain("modelling guess (500 ns) for a reference that crosses to"
              + " the NIC and back"),
          CpuParameters::uncachedIoCycles, Builder::uncachedIoCycles)
      .add("trap-entry-cycles", ValueType.INT_CYCLES, "system-call trap into the kernel", 150,
          Provenance.uncertain("modelling guess: protected-mode INT plus a 1990s Linux"
              + " system-call entry"),
          CpuParameters::trapEntryCycles, Builder::trapEntryCycles)
      .add("trap-exit-cycles", ValueType.INT_CYCLES, "return from a system call", 100,
          Provenance.uncertain("modelling guess: IRET plus a 1990s Linux system-call exit"),
          CpuParameters::trapExitCycles, Builder::trapExitCycles)
      .add("interrupt-entry-cycles", ValueType.INT_CYCLES,
          "device interrupt to the kernel's handler", 200,
          Provenance.uncertain("modelling guess: 8259 interrupt acknowledge over the I/O bus,"
              + " gate, register save"),
          CpuParameters::interruptEntryCycles, Builder::interruptEntryCycles)
      .add("interrupt-exit-cycles", ValueType.INT_CYCLES,
          "end of an interrupt handler back to the interrupted code", 100,
          Provenance.uncertain("modelling guess: EOI and IRET"),
          CpuParameters::interruptExitCycles, Builder::interruptExitCycles)
      .add("context-switch-cycles", ValueType.INT_CYCLES,
          "kernel switch from one process to another", 600,
          Provenance.uncertain("modelling guess (10 µs) in line with context-switch times"
              + " measured on Linux on early Pentiums"),
          CpuParameters::contextSwitchCycles, Builder::contextSwitchCycles)
      .build();

  /** Checks that every cycle count is not negative. */
  public CpuParameters {
    requireNonNull(clock, "clock");
    nonNegative(cachedLoadCycles, "cached load");
    nonNegative(cachedStoreCycles, "cached store");
    nonNegative(uncachedIoCycles, "uncached I/O reference");
    nonNegative(trapEntryCycles, "trap entry");
    nonNegative(trapExitCycles, "trap exit");
    nonNegative(interruptEntryCycles, "interrupt entry");
    nonNegative(interruptExitCycles, "interrupt exit");
    nonNegative(contextSwitchCycles, "context switch");
  }

  private static void nonNegative(int cycles, String what) {
    checkArgument(cycles >= 0, "%s cost must not be negative: %s cycles", what, cycles);
  }

  /** The SHRIMP node's Pentium: the declared defaults of {@link #PARAMETERS}. */
  public static CpuParameters pentium60() {
    return PARAMETERS.defaults();
  }

  /** The time {@code n} cycles take on this clock. */
  public SimDuration cycles(long n) {
    return clock.cycles(n);
  }

  /** A builder holding these parameters, to derive changed ones from. */
  public Builder toBuilder() {
    return PARAMETERS.toBuilder(this);
  }

  /** Builds {@link CpuParameters}; the record's constructor checks the values. */
  public static final class Builder {
    private ClockRate clock;
    private int cachedLoadCycles;
    private int cachedStoreCycles;
    private int uncachedIoCycles;
    private int trapEntryCycles;
    private int trapExitCycles;
    private int interruptEntryCycles;
    private int interruptExitCycles;
    private int contextSwitchCycles;

    private Builder() {}

    /** Sets the core clock. */
    public Builder clock(ClockRate value) {
      this.clock = value;
      return this;
    }

    /** Sets the cycles of a cached load, per word. */
    public Builder cachedLoadCycles(int value) {
      this.cachedLoadCycles = value;
      return this;
    }

    /** Sets the cycles of a cached store, per word. */
    public Builder cachedStoreCycles(int value) {
      this.cachedStoreCycles = value;
      return this;
    }

    /** Sets the cycles of one uncached device reference. */
    public Builder uncachedIoCycles(int value) {
      this.uncachedIoCycles = value;
      return this;
    }

    /** Sets the cycles from a system-call trap to the kernel's handler. */
    public Builder trapEntryCycles(int value) {
      this.trapEntryCycles = value;
      return this;
    }

    /** Sets the cycles from the kernel's return to the user instruction after the trap. */
    public Builder trapExitCycles(int value) {
      this.trapExitCycles = value;
      return this;
    }

    /** Sets the cycles from a device interrupt to the kernel's handler. */
    public Builder interruptEntryCycles(int value) {
      this.interruptEntryCycles = value;
      return this;
    }

    /** Sets the cycles from the end of an interrupt handler back to the interrupted code. */
    public Builder interruptExitCycles(int value) {
      this.interruptExitCycles = value;
      return this;
    }

    /** Sets the cycles of one context switch. */
    public Builder contextSwitchCycles(int value) {
      this.contextSwitchCycles = value;
      return this;
    }

    /** The parameters, checked. */
    public CpuParameters build() {
      return new CpuParameters(clock, cachedLoadCycles, cachedStoreCycles, uncachedIoCycles,
          trapEntryCycles, trapExitCycles, interruptEntryCycles, interruptExitCycles,
          contextSwitchCycles);
    }
  }
}
