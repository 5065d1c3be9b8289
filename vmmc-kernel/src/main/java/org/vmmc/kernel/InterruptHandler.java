package org.vmmc.kernel;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.Notification;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.nic.NicInterrupts;
import org.vmmc.core.sim.Stage;
import org.vmmc.core.sim.TracePoint;

/**
 * The kernel's handling of the network interface's interrupts (design reference, sections 4.4
 * and 5): a notification is queued for the handler of the buffer it landed in, a dropped
 * packet is counted and reported, a plain arrival interrupt (an interface that interrupts on
 * every arrival) only takes its time. Each takes the CPU for the kernel's service time.
 */
final class InterruptHandler implements NicInterrupts {
  private final Kernel kernel;
  private final Cpu cpu;
  private final ExportTable exports;
  private final List<String> reports = new ArrayList<>();
  /** A notification interrupt handled: its notification is queued for the buffer's handler. */
  private final TracePoint notified;
  /** An error interrupt handled: the dropped packet is reported. */
  private final TracePoint dropReported;
  /** An interrupt an arrival raised that asked for no notification. */
  private final TracePoint arrived;

  InterruptHandler(Kernel kernel, Cpu cpu, ExportTable exports) {
    this.kernel = kernel;
    this.cpu = cpu;
    this.exports = exports;
    this.notified = TracePoint.of(Stage.INTERRUPT, kernel.node(), "notification");
    this.dropReported = TracePoint.of(Stage.INTERRUPT, kernel.node(), "error interrupt");
    this.arrived = TracePoint.of(Stage.INTERRUPT, kernel.node(), "arrival interrupt");
  }

  /** One line per packet dropped or notification discarded, in the order they happened. */
  List<String> reports() {
    return List.copyOf(reports);
  }

  /** Records {@code line} in the node's reports. */
  void report(String line) {
    reports.add(line);
  }

  @Override
  public void notification(NodeId source, PhysicalAddress address, int length) {
    kernel.count(KernelCounter.INTERRUPTS);
    kernel.scheduler.interrupt(service(), notified, () -> dispatch(source, address, length));
  }

  @Override
  public void arrival(NodeId source, PhysicalAddress address, int length) {
    kernel.count(KernelCounter.INTERRUPTS);
    kernel.scheduler.interrupt(service(), arrived, () -> { });
  }

  @Override
  public void droppedPacket(NodeId source, PhysicalAddress address, int length) {
    kernel.count(KernelCounter.INTERRUPTS);
    kernel.count(KernelCounter.DROPPED_PACKETS);
    String report = kernel.simulator().now() + ": dropped " + length + " bytes from " + source
        + " for " + address + " (frame not enabled for receiving)";
    kernel.scheduler.interrupt(service(), dropReported, () -> reports.add(report));
  }

  @Override
  public void interruptService(SimDuration cpuTime, TracePoint point) {
    kernel.count(KernelCounter.INTERRUPT_SERVICE);
    kernel.scheduler.interrupt(cpuTime, point, () -> { });
  }

  /** The CPU time the kernel spends on one interrupt from the interface. */
  private SimDuration service() {
    return cpu.cycles(cpu.parameters().interruptEntryCycles()
        + kernel.parameters().interruptDispatchCycles() + cpu.parameters().interruptExitCycles());
  }

  private void dispatch(NodeId source, PhysicalAddress address, int length) {
    ExportedFrames.Hit hit = exports.find(address);
    if (hit == null) {
      kernel.count(KernelCounter.NOTIFICATIONS_UNCLAIMED);
      return;
    }
    Export e = hit.export();
    e.owner.notifications.enqueue(e.handler,
        new Notification(e.id, hit.offset(), length, source, kernel.simulator().now()));
  }
}
