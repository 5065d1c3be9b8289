package org.vmmc.core.hw;

import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.sim.SimProcess;

/**
 * A node's processor executing a process's memory references in user mode, through the
 * process's {@link AddressSpace}, and charging their cost to the process's clock.
 *
 * <p>Every reference is translated first; a refused one throws {@link PageFaultException}
 * and has no effect. Then, by what the page maps to:
 * <ul>
 *   <li>a write-back memory frame: the cached cost is charged (the process may run ahead) and
 *       the process synchronises before memory is touched, so no other component sees a store
 *       before its simulated time and a load never sees a change from the process's future;
 *   <li>a write-through memory frame: loads as above; each store also goes out on the
 *       {@link MemoryBus}, which may stall it;
 *   <li>a device page: an uncached reference is charged and the {@link MmioDevice} answers.
 * </ul>
 * Word references must be word-aligned. The bulk {@link #read} and {@link #write} go page by
 * page: on write-back memory they charge every word touched but synchronise once per page;
 * on write-through memory and device pages they go word by word.
 *
 * <p>Costs are charged to the process that makes the reference; sharing the one processor
 * among a node's processes (and charging context switches) is the kernel scheduler's job.
 */
public interface Cpu {

  /** The cost model. */
  CpuParameters parameters();

  /** The time {@code n} cycles take on this processor. */
  SimDuration cycles(long n);

  /** Charges {@code cycles} cycles of purely local work (registers and cache) to {@code process}. */
  void compute(SimProcess process, long cycles);

  /** Loads the word at {@code address}. */
  int load(SimProcess process, AddressSpace space, VirtualAddress address);

  /** Stores {@code value} as the word at {@code address}. */
  void store(SimProcess process, AddressSpace space, VirtualAddress address, int value);

  /** Loads the byte at {@code address}; device pages take word references only. */
  byte loadByte(SimProcess process, AddressSpace space, VirtualAddress address);

  /** Stores the byte {@code value} at {@code address}; device pages take word references only. */
  void storeByte(SimProcess process, AddressSpace space, VirtualAddress address, byte value);

  /** Copies {@code length} bytes from {@code address} on into {@code dst[offset...]}. */
  void read(SimProcess process, AddressSpace space, VirtualAddress address,
      byte[] dst, int offset, int length);

  /** Copies {@code length} bytes of {@code src[offset...]} to {@code address} on. */
  void write(SimProcess process, AddressSpace space, VirtualAddress address,
      byte[] src, int offset, int length);

  /**
   * Atomically compares the word at {@code address} with {@code expected} and, if equal,
   * replaces it with {@code value}; returns the old word. On a device page the device decides
   * what the operation means (the SHRIMP-I shadow-address send, for example).
   */
  int compareAndExchange(SimProcess process, AddressSpace space, VirtualAddress address,
      int expected, int value);
}
