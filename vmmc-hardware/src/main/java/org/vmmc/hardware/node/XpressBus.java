package org.vmmc.hardware.node;

import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.BusSnooper;
import org.vmmc.core.hw.BusWrite;
import org.vmmc.core.hw.MemoryBus;
import org.vmmc.core.hw.MemoryBusCounter;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;

/**
 * The Xpress memory bus of a SHRIMP node: carries write-through stores to memory and shows
 * them to the snoopers (the SHRIMP-II snoop logic).
 *
 * <p>A write is driven on the bus once the bus is free and every snooper accepts it; at that
 * instant memory takes the data and the snoopers observe it, and the bus then stays busy for
 * {@link MemoryBusParameters#writeTime()}, which the storing CPU waits out (the Pentium's
 * write buffers are not modelled: a modelling choice). A snooper that stalls a write keeps
 * the CPU waiting, so no store is ever lost and a CPU's stores reach the bus in program order.
 */
final class XpressBus implements MemoryBus {
  private final Simulator sim;
  private final PhysicalMemory memory;
  private final MemoryBusParameters parameters;
  private final List<BusSnooper> snoopers = new ArrayList<>();
  private final Counter writes;
  private final Counter stalls;
  private SimTime busyUntil = SimTime.ZERO;

  XpressBus(Simulator sim, NodeId node, PhysicalMemory memory, MemoryBusParameters parameters) {
    this.sim = requireNonNull(sim, "sim");
    this.memory = requireNonNull(memory, "memory");
    this.parameters = requireNonNull(parameters, "parameters");
    this.writes = sim.metrics().counter(node, MemoryBusCounter.WRITES);
    this.stalls = sim.metrics().counter(node, MemoryBusCounter.STALLS);
  }

  @Override
  public MemoryBusParameters parameters() {
    return parameters;
  }

  @Override
  public void subscribe(BusSnooper snooper) {
    snoopers.add(requireNonNull(snooper, "snooper"));
  }

  @Override
  public void write(SimProcess cpu, PhysicalAddress address, int value, int size) {
    while (!tryWrite(cpu, address, value, size)) {
      // Waited for the bus or a snooper; try again at the new instant.
    }
  }

  @Override
  public boolean tryWrite(SimProcess cpu, PhysicalAddress address, int value, int size) {
    requireNonNull(cpu, "cpu");
    // Not checkArgument: the memory size would be boxed on every write.
    if (address.value() + size > memory.sizeBytes()) {
      throw new IllegalArgumentException(lenientFormat(
          "bus write of %s bytes at %s reaches beyond physical memory of %s bytes",
          size, address, memory.sizeBytes()));
    }
    cpu.sync();
    SimTime now = sim.now();
    if (busyUntil.isAfter(now)) {
      cpu.hold(busyUntil.since(now));
      return false;
    }
    BusWrite write = new BusWrite(address, value, size, now);
    Signal stall = firstStall(write);
    if (stall != null) {
      stalls.increment();
      cpu.await(stall);
      return false;
    }
    busyUntil = write.time().plus(parameters.writeTime());
    deposit(write);
    writes.increment();
    for (BusSnooper snooper : snoopers) {
      snooper.observe(write);
    }
    cpu.hold(parameters.writeTime());
    return true;
  }

  private Signal firstStall(BusWrite write) {
    for (BusSnooper snooper : snoopers) {
      Signal stall = snooper.stall(write);
      if (stall != null) {
        return stall;
      }
    }
    return null;
  }

  private void deposit(BusWrite write) {
    if (write.size() == BusWrite.MAX_SIZE) {
      memory.writeInt(write.address(), write.value());
      return;
    }
    for (int i = 0; i < write.size(); i++) {
      memory.writeByte(write.address().plus(i), (byte) (write.value() >>> (8 * i)));
    }
  }

  @Override
  public long writes() {
    return writes.value();
  }

  @Override
  public long stalls() {
    return stalls.value();
  }

  @Override
  public String toString() {
    return "XpressBus[" + snoopers.size() + " snoopers, " + writes.value() + " writes]";
  }
}
