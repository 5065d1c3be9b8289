package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
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
 * stores also take the memory bus. Each reference takes effect at the end of its cost.
 */
final class PentiumCpu implements Cpu {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
    this.memory = requireNonNull(memory, "memory");
    this.bus = requireNonNull(bus, "bus");
    this.parameters = requireNonNull(parameters, "parameters");
    this.geometry = memory.geometry();
    this.wordSize = geometry.wordSize();
    this.loadTime = parameters.cycles(parameters.cachedLoadCycles());
    this.storeTime = parameters.cycles(parameters.cachedStoreCycles());
    this.ioTime = parameters.cycles(parameters.uncachedIoCycles());
    String prefix = "node" + node.value() + ".cpu.";
    this.pageFaults = sim.metrics().counter(prefix + "page-faults");
    this.deviceReferences = sim.metrics().counter(prefix + "device-references");
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

  @Override
  public int load(SimProcess process, AddressSpace space, VirtualAddress address) {
    geometry.requireWordAligned(address.value(), "word load address");
    Translation t = translate(space, address, Access.READ);
    if (t.isDevice()) {
      return deviceLoad(process, t.devicePage(), t.offsetInPage());
    }
    process.consume(loadTime);
    process.sync();
    return memory.readInt(t.physicalAddress());
  }

  @Override
  public void store(SimProcess process, AddressSpace space, VirtualAddress address, int value) {
    geometry.requireWordAligned(address.value(), "word store address");
    Translation t = translate(space, address, Access.WRITE);
    if (t.isDevice()) {
      deviceStore(process, t.devicePage(), t.offsetInPage(), value);
      return;
    }
    process.consume(storeTime);
    process.sync();
    if (t.entry().writeThrough()) {
      bus.write(process, t.physicalAddress(), value, wordSize);
    } else {
      memory.writeInt(t.physicalAddress(), value);
    }
  }

  @Override
  public byte loadByte(SimProcess process, AddressSpace space, VirtualAddress address) {
    Translation t = translate(space, address, Access.READ);
    requireMemory(t, "byte load");
    process.consume(loadTime);
    process.sync();
    return memory.readByte(t.physicalAddress());
  }

  @Override
  public void storeByte(SimProcess process, AddressSpace space, VirtualAddress address,
      byte value) {
    Translation t = translate(space, address, Access.WRITE);
    requireMemory(t, "byte store");
    process.consume(storeTime);
    process.sync();
    if (t.entry().writeThrough()) {
      bus.write(process, t.physicalAddress(), value & 0xFF, 1);
    } else {
      memory.writeByte(t.physicalAddress(), value);
    }
  }

  @Override
  public int compareAndExchange(SimProcess process, AddressSpace space, VirtualAddress address,
      int expected, int value) {
    geometry.requireWordAligned(address.value(), "compare-and-exchange address");
    Translation t = translate(space, address, Access.WRITE);
    if (t.isDevice()) {
      DevicePage page = t.devicePage();
      // A locked read cycle then a write cycle, as for memory below: two uncached references.
      process.consume(ioTime.times(2));
      process.sync();
      deviceReferences.increment();
      return page.device().compareAndExchange(
          page.pageIndex(), t.offsetInPage(), expected, value, process);
    }
    if (t.entry().writeThrough()) {
      // A locked cycle would hold the memory bus across a snooper's stall; not modelled.
      throw new UnsupportedOperationException("compare-and-exchange on write-through "
          + address + " (" + t.entry() + ") is not modelled");
    }
    process.consume(loadTime.plus(storeTime));
    process.sync();
    PhysicalAddress pa = t.physicalAddress();
    int old = memory.readInt(pa);
    if (old == expected) {
      memory.writeInt(pa, value);
    }
    return old;
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
        for (int i = 0; i < chunk; i += wordSize) {
          int word = deviceLoad(process, t.devicePage(), t.offsetInPage() + i);
          INT_LE.set(dst, offset + done + i, word);
        }
      } else {
        process.consume(loadTime.times(wordsSpanned(a, chunk)));
        process.sync();
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
        for (int i = 0; i < chunk; i += wordSize) {
          int word = (int) INT_LE.get(src, offset + done + i);
          deviceStore(process, t.devicePage(), t.offsetInPage() + i, word);
        }
      } else if (t.entry().writeThrough()) {
        writeThrough(process, t.physicalAddress(), src, offset + done, chunk);
      } else {
        process.consume(storeTime.times(wordsSpanned(a, chunk)));
        process.sync();
        memory.write(t.physicalAddress(), src, offset + done, chunk);
      }
      a += chunk;
      done += chunk;
    }
  }

  /** Stores a run within one page word by word, each a separate bus write (a partial word as one narrower write). */
  private void writeThrough(SimProcess process, PhysicalAddress start, byte[] src, int offset,
      int length) {
    long a = start.value();
    int done = 0;
    while (done < length) {
      int size = (int) Math.min(length - done, wordSize - (a & (wordSize - 1)));
      int value = 0;
      for (int i = 0; i < size; i++) {
        value |= (src[offset + done + i] & 0xFF) << (8 * i);
      }
      process.consume(storeTime);
      process.sync();
      bus.write(process, PhysicalAddress.of(a), value, size);
      a += size;
      done += size;
    }
  }

  // ---- helpers ----

  private int deviceLoad(SimProcess process, DevicePage page, int offset) {
    process.consume(ioTime);
    process.sync();
    deviceReferences.increment();
    return page.device().load(page.pageIndex(), offset, process);
  }

  private void deviceStore(SimProcess process, DevicePage page, int offset, int value) {
    process.consume(ioTime);
    process.sync();
    deviceReferences.increment();
    page.device().store(page.pageIndex(), offset, value, process);
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
    checkArgument(!t.isDevice(),
        "%s at %s: device page %s takes word references only", what, t.address(),
        t.entry().target());
  }

  private void requireWholeWords(Translation t, long address, int length) {
    checkArgument(geometry.isWordAligned(address) && length % wordSize == 0,
        "%s bytes at v:0x%s: device page %s takes whole aligned %s-byte words only",
        length, Long.toHexString(address), t.entry().target(), wordSize);
  }

  private void checkBulk(VirtualAddress address, byte[] buffer, int offset, int length) {
    requireNonNull(address, "address");
    Objects.checkFromIndexSize(offset, length, buffer.length);
    checkArgument(length == 0 || address.value() + length - 1 <= VirtualAddress.MAX,
        "%s bytes at %s run past the top of the virtual address space 0x%s",
        length, address, Long.toHexString(VirtualAddress.MAX));
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
