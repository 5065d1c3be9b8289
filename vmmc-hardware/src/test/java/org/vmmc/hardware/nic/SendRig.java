package org.vmmc.hardware.nic;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.hw.IoBus;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.net.Backplane;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketReceiver;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.node.NodeHardwareModule;
import org.vmmc.hardware.node.NodeHardwareParameters;

/**
 * One node's SHRIMP hardware (memory, EISA bus, CPU) in front of a backplane the test opens
 * and closes: the send-side blocks are driven directly, with no design around them.
 */
final class SendRig implements AutoCloseable {
  static final NodeId NODE = NodeId.of(0);
  static final NodeId PEER = NodeId.of(1);

  final Simulator sim = new Simulator(5);
  final GatedBackplane backplane = new GatedBackplane(sim);
  final PhysicalMemory memory;
  final IoBus eisa;
  final Cpu cpu;

  SendRig() {
    Injector node = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        bind(Simulator.class).toInstance(sim);
        bind(NodeId.class).toInstance(NODE);
      }
    }, new NodeHardwareModule(NodeHardwareParameters.shrimp()));
    this.memory = node.getInstance(PhysicalMemory.class);
    this.eisa = node.getInstance(IoBus.class);
    this.cpu = node.getInstance(Cpu.class);
  }

  static SimTime at(SimDuration d) {
    return SimTime.after(d);
  }

  static SimDuration nanos(long n) {
    return SimDuration.ofNanos(n);
  }

  @Override
  public void close() {
    sim.close();
  }

  /** A packet the backplane took, and when. */
  record Injected(SimTime time, Packet packet) {}

  /**
   * A backplane whose injection port the test closes and opens: while closed it refuses every
   * packet, and it runs the injection-space callbacks, as events, when it opens.
   */
  static final class GatedBackplane implements Backplane {
    private final Simulator sim;
    private final List<Runnable> waiting = new ArrayList<>();
    final List<Injected> injected = new ArrayList<>();
    int refusals;
    private boolean closed;

    GatedBackplane(Simulator sim) {
      this.sim = sim;
    }

    void close() {
      closed = true;
    }

    void open() {
      closed = false;
      List<Runnable> callbacks = List.copyOf(waiting);
      waiting.clear();
      callbacks.forEach(c -> sim.schedule(SimDuration.ZERO, c));
    }

    List<Packet> packets() {
      return injected.stream().map(Injected::packet).toList();
    }

    List<SimTime> times() {
      return injected.stream().map(Injected::time).toList();
    }

    @Override
    public int nodeCount() {
      return 2;
    }

    @Override
    public int maxPayloadBytes() {
      return Packet.MAX_PAYLOAD_BYTES;
    }

    @Override
    public void attach(NodeId node, PacketReceiver receiver) {
      throw new UnsupportedOperationException("the rig has no receivers");
    }

    @Override
    public boolean tryInject(Packet packet) {
      if (closed) {
        refusals++;
        return false;
      }
      injected.add(new Injected(sim.now(), packet));
      return true;
    }

    @Override
    public void onInjectionSpace(NodeId node, Runnable callback) {
      if (closed) {
        waiting.add(callback);
      } else {
        sim.schedule(SimDuration.ZERO, callback);
      }
    }

    @Override
    public void resumeEjection(NodeId node) {
      // Nothing is ever held for a receiver.
    }

    @Override
    public SimDuration zeroLoadLatency(NodeId from, NodeId to, int payloadBytes) {
      return SimDuration.ZERO;
    }
  }
}
