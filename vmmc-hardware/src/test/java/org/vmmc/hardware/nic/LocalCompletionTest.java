package org.vmmc.hardware.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmmc.hardware.nic.SendRig.NODE;
import static org.vmmc.hardware.nic.SendRig.PEER;
import static org.vmmc.hardware.nic.SendRig.at;
import static org.vmmc.hardware.nic.SendRig.nanos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.hw.Cpu;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.UserContext;
import org.vmmc.core.sim.SimProcess;

/** The library's wait for local completion, and what its last poll costs. */
class LocalCompletionTest {
  private static final SimDuration START = nanos(120);

  private final SendRig rig = new SendRig();
  private final Packetizer packetizer =
      new Packetizer(rig.sim, rig.backplane, NODE, nanos(180), 2, "test packetize");
  private final OutgoingDmaEngine engine = new OutgoingDmaEngine(rig.sim, NODE, rig.eisa,
      rig.memory, packetizer, START, 1, 4096, rig.sim.metrics().counter(NODE, NicCounter.PACKETS_SENT),
      rig.sim.metrics().counter(NODE, NicCounter.BYTES_SENT), "test engine", "test dma start",
      "test dma read");
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    rig.close();
  }

  private UserContext caller(SimProcess p) {
    Cpu cpu = rig.cpu;
    return new UserContext() {
      @Override
      public ProcessId id() {
        throw new UnsupportedOperationException("not needed");
      }

      @Override
      public SimProcess process() {
        return p;
      }

      @Override
      public AddressSpace addressSpace() {
        throw new UnsupportedOperationException("not needed");
      }

      @Override
      public Cpu cpu() {
        return cpu;
      }

      @Override
      public <T> T systemCall(SystemCall call, Supplier<T> body) {
        throw new UnsupportedOperationException("not needed");
      }
    };
  }

  @Test
  void waitsForTheReadAndPaysOneUncachedReferenceForThePollThatSeesIt() {
    rig.sim.spawn("sender", p -> {
      long ticket = engine.start(PhysicalAddress.of(0), PEER, PhysicalAddress.of(0), 256,
          false, 0);
      LocalCompletion.await(caller(p), engine, ticket);
      log.add("returned at " + p.time());
    });
    rig.sim.run();

    SimDuration poll = rig.cpu.cycles(rig.cpu.parameters().uncachedIoCycles());
    assertThat(poll).isGreaterThan(SimDuration.ZERO);
    assertThat(log).containsExactly(
        "returned at " + at(START.plus(rig.eisa.transferTime(256)).plus(poll)));
  }

  @Test
  void aTransferAlreadyReadCostsNothing() {
    rig.sim.spawn("sender", p -> {
      long ticket = engine.start(PhysicalAddress.of(0), PEER, PhysicalAddress.of(0), 4, false,
          0);
      p.hold(SimDuration.ofMillis(1));
      LocalCompletion.await(caller(p), engine, ticket);
      log.add("returned at " + p.time());
    });
    rig.sim.run();

    assertThat(log).containsExactly("returned at " + at(SimDuration.ofMillis(1)));
  }
}
