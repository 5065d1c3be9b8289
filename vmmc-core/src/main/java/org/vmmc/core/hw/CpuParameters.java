package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.vmmc.core.ClockRate;
import org.vmmc.core.SimDuration;

/**
 * The cost model of a node's processor: its clock and the cycles each class of operation
 * takes. Cache misses are not modelled: every reference to a memory page costs the cached
 * figure.
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

  /**
   * The SHRIMP node's Pentium.
   * <ul>
   *   <li>clock 60 MHz: uncertain (design reference; a modelling guess).
   *   <li>cachedLoadCycles 1, cachedStoreCycles 1: the Pentium's L1 hit in one pipe (inferred
   *       from the Pentium's published timings).
   *   <li>uncachedIoCycles 30 (500 ns): modelling guess for a reference that crosses to the
   *       NIC and back.
   *   <li>trapEntryCycles 150, trapExitCycles 100: modelling guess (protected-mode INT and
   *       IRET plus a 1990s Linux system-call entry and exit).
   *   <li>interruptEntryCycles 200, interruptExitCycles 100: modelling guess (8259 interrupt
   *       acknowledge over the I/O bus, gate, register save; EOI and IRET).
   *   <li>contextSwitchCycles 600 (10 µs): modelling guess in line with context-switch times
   *       measured on Linux on early Pentiums.
   * </ul>
   */
  public static CpuParameters pentium60() {
    return new CpuParameters(ClockRate.ofMegahertz(60), 1, 1, 30, 150, 100, 200, 100, 600);
  }

  /** The time {@code n} cycles take on this clock. */
  public SimDuration cycles(long n) {
    return clock.cycles(n);
  }

  /** These parameters with {@code value} as the clock. */
  public CpuParameters withClock(ClockRate value) {
    return new CpuParameters(value, cachedLoadCycles, cachedStoreCycles, uncachedIoCycles,
        trapEntryCycles, trapExitCycles, interruptEntryCycles, interruptExitCycles,
        contextSwitchCycles);
  }

  /** These parameters with {@code load} and {@code store} cycles for cached references. */
  public CpuParameters withCachedCycles(int load, int store) {
    return new CpuParameters(clock, load, store, uncachedIoCycles,
        trapEntryCycles, trapExitCycles, interruptEntryCycles, interruptExitCycles,
        contextSwitchCycles);
  }

  /** These parameters with {@code value} cycles per uncached device reference. */
  public CpuParameters withUncachedIoCycles(int value) {
    return new CpuParameters(clock, cachedLoadCycles, cachedStoreCycles, value,
        trapEntryCycles, trapExitCycles, interruptEntryCycles, interruptExitCycles,
        contextSwitchCycles);
  }

  /** These parameters with {@code entry} and {@code exit} cycles for a system-call trap. */
  public CpuParameters withTrapCycles(int entry, int exit) {
    return new CpuParameters(clock, cachedLoadCycles, cachedStoreCycles, uncachedIoCycles,
        entry, exit, interruptEntryCycles, interruptExitCycles, contextSwitchCycles);
  }

  /** These parameters with {@code entry} and {@code exit} cycles for an interrupt. */
  public CpuParameters withInterruptCycles(int entry, int exit) {
    return new CpuParameters(clock, cachedLoadCycles, cachedStoreCycles, uncachedIoCycles,
        trapEntryCycles, trapExitCycles, entry, exit, contextSwitchCycles);
  }

  /** These parameters with {@code value} cycles per context switch. */
  public CpuParameters withContextSwitchCycles(int value) {
    return new CpuParameters(clock, cachedLoadCycles, cachedStoreCycles, uncachedIoCycles,
        trapEntryCycles, trapExitCycles, interruptEntryCycles, interruptExitCycles, value);
  }
}
