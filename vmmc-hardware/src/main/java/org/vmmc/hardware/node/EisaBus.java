package org.vmmc.hardware.node;

import static java.util.Objects.requireNonNull;

import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.IoBusCounter;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.core.sim.Simulator;
import org.vmmc.core.stats.Counter;

/**
 * The EISA I/O bus of a SHRIMP node, as DMA sees it: one transfer at a time, first come first
 * served, each costing {@link IoBusParameters#transferTime(int)} (setup, bursts at ~33 MB/s,
 * re-arbitration gaps; the gap and the setup time are modelling guesses).
 */
final class EisaBus implements IoBus {
  private final Simulator sim;
  private final IoBusParameters parameters;
  private final Counter transfers;
  private final Counter bytes;
  private SimTime freeAt = SimTime.ZERO;

  EisaBus(Simulator sim, NodeId node, IoBusParameters parameters) {
    this.sim = requireNonNull(sim, "sim");
    this.parameters = requireNonNull(parameters, "parameters");
    this.transfers = sim.metrics().counter(node, IoBusCounter.TRANSFERS);
    this.bytes = sim.metrics().counter(node, IoBusCounter.BYTES);
  }

  @Override
  public IoBusParameters parameters() {
    return parameters;
  }

  @Override
  public SimDuration transferTime(int byteCount) {
    return parameters.transferTime(byteCount);
  }

  @Override
  public SimTime reserve(int byteCount) {
    Clocks.syncCaller(sim);
    return book(sim.now(), byteCount);
  }

  @Override
  public SimTime reserve(SimTime earliestStart, int byteCount) {
    requireNonNull(earliestStart, "earliestStart");
    Clocks.syncCaller(sim);
    return book(earliestStart.max(sim.now()), byteCount);
  }

  private SimTime book(SimTime notBefore, int byteCount) {
    SimDuration duration = parameters.transferTime(byteCount);
    SimTime end = freeAt.max(notBefore).plus(duration);
    freeAt = end;
    transfers.increment();
    bytes.add(byteCount);
    return end;
  }

  @Override
  public void transfer(SimProcess process, int byteCount) {
    process.sync();
    SimTime end = reserve(byteCount);
    process.hold(end.since(sim.now()));
  }

  @Override
  public SimTime freeAt() {
    return freeAt;
  }

  @Override
  public long transfers() {
    return transfers.value();
  }

  @Override
  public long bytesTransferred() {
    return bytes.value();
  }

  @Override
  public String toString() {
    return "EisaBus[" + transfers.value() + " transfers, free at " + freeAt + "]";
  }
}
