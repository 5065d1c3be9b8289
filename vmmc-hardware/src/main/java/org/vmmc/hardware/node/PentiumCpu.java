package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Access;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.CpuCounter;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.DevicePage;
import org.vmmc.core.hw.MemoryBus;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.hw.Translation;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;

/**
 * The Pentium of a SHRIMP node, as a cost model of user-mode memory references (design
 * reference, section 3: cycles per operation class, all parameters). Loads and stores to
 * memory cost the cached figure, a reference to a device page the uncached one; write-through
 * stores also take the memory bus. Each reference takes effect at the end of its cost, through
 * the mapping that holds at that instant (design reference, section 2, "Protection": no gap
 * between translation and effect in which a revocation can run).
 */
final class PentiumCpu implements Cpu {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final Simulator sim;
  private final PhysicalMemory memory;
  private final MemoryBus bus;
  private final CpuParameters parameters;
  private final MemoryGeometry geometry;
  private final int wordSize;
  private final SimDuration loadTime;
  private final SimDuration storeTime;
  private final SimDuration ioTime;
  private final Counter pageFaults;
  private final Counter deviceReferences;

  PentiumCpu(Simulator sim, NodeId node, PhysicalMemory memory, MemoryBus bus,
      CpuParameters parameters) {
    this.sim = requireNonNull(sim, "sim");
    this.memory = requireNonNull(memory, "memory");
    this.bus = requireNonNull(bus, "bus");
    this.parameters = requireNonNull(parameters, "parameters");
    this.geometry = memory.geometry();
    this.wordSize = geometry.wordSize();
    this.loadTime = parameters.cycles(parameters.cachedLoadCycles());
    this.storeTime = parameters.cycles(parameters.cachedStoreCycles());
    this.ioTime = parameters.cycles(parameters.uncachedIoCycles());
    this.pageFaults = sim.metrics().counter(node, CpuCounter.PAGE_FAULTS);
    this.deviceReferences = sim.metrics().counter(node, CpuCounter.DEVICE_REFERENCES);
  }

  @Override
  public CpuParameters parameters() {
    return parameters;
  }

  @Override
  public SimDuration cycles(long n) {
    return parameters.cycles(n);
  }

  @Override
  public void compute(SimProcess process, long cycles) {
    checkArgument(cycles >= 0, "cycle count must not be negative: %s", cycles);
    process.consume(parameters.cycles(cycles));
  }

  // ---- single references ----
  //
  // Every reference is atomic with respect to revocation: it is translated (to know its cost
  // and fault early), charged, synchronised, and translated again if anything else ran while it
  // waited, so it acts through the mapping that holds at the instant it takes effect.

  @Override
  public int load(SimProcess process, AddressSpace space, VirtualAddress address) {
    geometry.requireWordAligned(address.value(), "word load address");
    Translation t = translate(space, address, Access.READ);
    process.consume(t.isDevice() ? ioTime : loadTime);
    t = settle(process, space, address.value(), Access.READ, t);
    if (t.isDevice()) {
      return deviceLoadNow(process, t.devicePage(), t.offsetInPage());
    }
    return memory.readInt(t.physicalAddress());
  }

  @Override
  public void store(SimProcess process, AddressSpace space, VirtualAddress address, int value) {
    geometry.requireWordAligned(address.value(), "word store address");
    Translation t = translate(space, address, Access.WRITE);
    process.consume(t.isDevice() ? ioTime : storeTime);
    t = settle(process, space, address.value(), Access.WRITE, t);
    storeNow(process, space, address.value(), t, 0, value, wordSize);
  }

  @Override
  public byte loadByte(SimProcess process, AddressSpace space, VirtualAddress address) {
    Translation t = translate(space, address, Access.READ);
    requireMemory(t, "byte load");
    process.consume(loadTime);
    t = settle(process, space, address.value(), Access.READ, t);
    requireMemory(t, "byte load");
    return memory.readByte(t.physicalAddress());
  }

  @Override
  public void storeByte(SimProcess process, AddressSpace space, VirtualAddress address,
      byte value) {
    Translation t = translate(space, address, Access.WRITE);
    requireMemory(t, "byte store");
    process.consume(storeTime);
    t = settle(process, space, address.value(), Access.WRITE, t);
    requireMemory(t, "byte store");
    storeNow(process, space, address.value(), t, 0, value & 0xFF, 1);
  }

  @Override
  public int compareAndExchange(SimProcess process, AddressSpace space, VirtualAddress address,
      int expected, int value) {
    geometry.requireWordAligned(address.value(), "compare-and-exchange address");
    Translation t = translate(space, address, Access.WRITE);
    requireNotWriteThrough(t, address);
    // A locked read cycle then a write cycle: two uncached references, or a cached pair.
    process.consume(t.isDevice() ? ioTime.times(2) : loadTime.plus(storeTime));
    t = settle(process, space, address.value(), Access.WRITE, t);
    requireNotWriteThrough(t, address);
    if (t.isDevice()) {
      DevicePage page = t.devicePage();
      deviceReferences.increment();
      return page.device().compareAndExchange(
          page.pageIndex(), t.offsetInPage(), expected, value, process);
    }
    PhysicalAddress pa = t.physicalAddress();
    int old = memory.readInt(pa);
    if (old == expected) {
      memory.writeInt(pa, value);
    }
    return old;
  }

  private static void requireNotWriteThrough(Translation t, VirtualAddress address) {
    if (!t.isDevice() && t.entry().writeThrough()) {
      // A locked cycle would hold the memory bus across a snooper's stall; not modelled.
      throw new UnsupportedOperationException("compare-and-exchange on write-through "
          + address + " (" + t.entry() + ") is not modelled");
    }
  }

  // ---- bulk references ----

  @Override
  public void read(SimProcess process, AddressSpace space, VirtualAddress address,
      byte[] dst, int offset, int length) {
    checkBulk(address, dst, offset, length);
    long a = address.value();
    int done = 0;
    while (done < length) {
      int chunk = chunkLength(a, length - done);
      Translation t = translate(space, VirtualAddress.of(a), Access.READ);
      if (t.isDevice()) {
        requireWholeWords(t, a, chunk);
        Translation cur = t;
        long curAt = a;
        for (int i = 0; i < chunk; i += wordSize) {
          process.consume(ioTime);
          Translation w = settle(process, space, a + i, Access.READ, cur);
          if (w != cur) {
            cur = w;
            curAt = a + i;
          }
          int delta = (int) (a + i - curAt);
          int word = cur.isDevice()
              ? deviceLoadNow(process, cur.devicePage(), cur.offsetInPage() + delta)
              : memory.readInt(cur.physicalAddress().plus(delta));
          INT_LE.set(dst, offset + done + i, word);
        }
      } else {
        process.consume(loadTime.times(wordsSpanned(a, chunk)));
        t = settle(process, space, a, Access.READ, t);
        requireMemory(t, "bulk read");
        memory.read(t.physicalAddress(), dst, offset + done, chunk);
      }
      a += chunk;
      done += chunk;
    }
  }

  @Override
  public void write(SimProcess process, AddressSpace space, VirtualAddress address,
      byte[] src, int offset, int length) {
    checkBulk(address, src, offset, length);
    long a = address.value();
    int done = 0;
    while (done < length) {
      int chunk = chunkLength(a, length - done);
      Translation t = translate(space, VirtualAddress.of(a), Access.WRITE);
      if (t.isDevice()) {
        requireWholeWords(t, a, chunk);
        Translation cur = t;
        long curAt = a;
        for (int i = 0; i < chunk; i += wordSize) {
          int word = (int) INT_LE.get(src, offset + done + i);
          process.consume(ioTime);
          Translation w = settle(process, space, a + i, Access.WRITE, cur);
          if (w != cur) {
            cur = w;
            curAt = a + i;
          }
          storeNow(process, space, a + i, cur, (int) (a + i - curAt), word, wordSize);
        }
      } else if (t.entry().writeThrough()) {
        writeThrough(process, space, a, t, src, offset + done, chunk);
      } else {
        process.consume(storeTime.times(wordsSpanned(a, chunk)));
        t = settle(process, space, a, Access.WRITE, t);
        if (t.isDevice() || t.entry().writeThrough()) {
          // The page changed kind while the copy waited: store it word by word as it is now.
          writeThrough(process, space, a, t, src, offset + done, chunk);
        } else {
          memory.write(t.physicalAddress(), src, offset + done, chunk);
        }
      }
      a += chunk;
      done += chunk;
    }
  }

  /**
   * Stores a run within one page word by word, each a separate reference (a partial word as one
   * narrower write), each translated again if anything ran while it waited.
   */
  private void writeThrough(SimProcess process, AddressSpace space, long start, Translation t,
      byte[] src, int offset, int length) {
    long a = start;
    int done = 0;
    Translation cur = t;
    long curAt = start;
    while (done < length) {
      int size = (int) Math.min(length - done, wordSize - (a & (wordSize - 1)));
      int value = 0;
      for (int i = 0; i < size; i++) {
        value |= (src[offset + done + i] & 0xFF) << (8 * i);
      }
      process.consume(storeTime);
      Translation w = settle(process, space, a, Access.WRITE, cur);
      if (w != cur) {
        cur = w;
        curAt = a;
      }
      storeNow(process, space, a, cur, (int) (a - curAt), value, size);
      a += size;
      done += size;
    }
  }

  // ---- helpers ----

  /**
   * Lets global time catch up with {@code process}; returns {@code before}, or a fresh
   * translation of {@code address} when other simulation work ran meanwhile (a revocation, a
   * handler that freed the page), so the reference acts through the mapping of this instant.
   */
  private Translation settle(SimProcess process, AddressSpace space, long address,
      Access access, Translation before) {
    long mark = sim.eventsDispatched();
    process.sync();
    // One dispatched event is the process's own resumption: nothing else ran.
    if (sim.eventsDispatched() - mark <= 1) {
      return before;
    }
    return translate(space, VirtualAddress.of(address), access);
  }

  /**
   * Stores the low {@code size} bytes of {@code value} at {@code address}, which lies
   * {@code delta} bytes past the address {@code t} translated at this instant: to a device, to
   * memory, or over the memory bus for a write-through page. A write that waits for the bus
   * (busy, or a snooper stalls it) is translated again before it goes, so it never lands in a
   * page unmapped or freed meanwhile.
   */
  private void storeNow(SimProcess process, AddressSpace space, long address, Translation t,
      int delta, int value, int size) {
    Translation now = t;
    int at = delta;
    while (true) {
      if (now.isDevice()) {
        if (size != wordSize) {
          throw new IllegalArgumentException(lenientFormat("%s-byte store at v:0x%s: device page"
              + " %s takes word references only", size, Long.toHexString(address),
              now.entry().target()));
        }
        deviceReferences.increment();
        DevicePage page = now.devicePage();
        page.device().store(page.pageIndex(), now.offsetInPage() + at, value, process);
        return;
      }
      PhysicalAddress pa = at == 0 ? now.physicalAddress() : now.physicalAddress().plus(at);
      if (!now.entry().writeThrough()) {
        if (size == wordSize) {
          memory.writeInt(pa, value);
        } else {
          for (int i = 0; i < size; i++) {
            memory.writeByte(pa.plus(i), (byte) (value >>> (8 * i)));
          }
        }
        return;
      }
      long mark = sim.eventsDispatched();
      if (bus.tryWrite(process, pa, value, size)) {
        return;
      }
      if (sim.eventsDispatched() - mark > 1) {
        now = translate(space, VirtualAddress.of(address), Access.WRITE);
        at = 0;
      }
    }
  }

  private int deviceLoadNow(SimProcess process, DevicePage page, int offset) {
    deviceReferences.increment();
    return page.device().load(page.pageIndex(), offset, process);
  }

  private Translation translate(AddressSpace space, VirtualAddress address, Access access) {
    try {
      return space.translate(address, access, true);
    } catch (PageFaultException fault) {
      pageFaults.increment();
      throw fault;
    }
  }

  private static void requireMemory(Translation t, String what) {
    // Not checkArgument: the arguments would be looked up on every reference.
    if (t.isDevice()) {
      throw new IllegalArgumentException(lenientFormat(
          "%s at %s: device page %s takes word references only", what, t.address(),
          t.entry().target()));
    }
  }

  private void requireWholeWords(Translation t, long address, int length) {
    if (!geometry.isWordAligned(address) || length % wordSize != 0) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at v:0x%s: device page %s takes whole aligned %s-byte words only",
          length, Long.toHexString(address), t.entry().target(), wordSize));
    }
  }

  private void checkBulk(VirtualAddress address, byte[] buffer, int offset, int length) {
    requireNonNull(address, "address");
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length != 0 && address.value() + length - 1 > VirtualAddress.MAX) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at %s run past the top of the virtual address space 0x%s",
          length, address, Long.toHexString(VirtualAddress.MAX)));
    }
  }

  private int chunkLength(long address, int remaining) {
    return Math.min(remaining, geometry.pageSize() - geometry.offsetInPage(address));
  }

  private long wordsSpanned(long address, int length) {
    return (address + length - 1) / wordSize - address / wordSize + 1;
  }

  @Override
  public String toString() {
    return "PentiumCpu[" + parameters.clock() + "]";
  }
}
