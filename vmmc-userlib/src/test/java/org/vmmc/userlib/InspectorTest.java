package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.kernel.KernelCounter;

/** The read-only inspection door: what it shows, and that looking through it changes nothing. */
class InspectorTest {
  private static final NodeId NODE0 = NodeId.of(0);
  private static final NodeId NODE1 = NodeId.of(1);
  private static final int WORD = 0x0A0B0C0D;

  private static int word(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @Test
  void aStoreIsSeenAtItsPhysicalAddressAndTheCopyIsTheCallersOwn() {
    List<String> writes = new ArrayList<>();
    List<Optional<PhysicalAddress>> where = new ArrayList<>();
    int[] frames = new int[1];
    boolean[] exitedWhileRunning = new boolean[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      Inspector inspector = mc.inspector();
      VmmcProcess p = mc.node(0).spawn("p", self -> {
        UserMemory m = self.allocate(4096);
        where.add(inspector.physicalAddress(self.id(), m.address().plus(8)));
        where.add(inspector.physicalAddress(self.id(), m.address().plus(4096)));
        frames[0] = inspector.framesInUse(NODE0);
        exitedWhileRunning[0] = inspector.hasExited(self.id());
        inspector.onMemoryWrite(NODE0, (node, address, length) -> writes.add(node + " "
            + address + " " + length + " " + Integer.toHexString(
                word(inspector.readPhysical(node, address, 4)))));
        m.putInt(8, WORD);
        byte[] copy = inspector.readPhysical(NODE0, where.get(0).orElseThrow(), 4);
        assertThat(word(copy)).isEqualTo(WORD);
        copy[0] = 0;
        assertThat(m.getInt(8)).isEqualTo(WORD);
      });
      RunResult result = mc.run();
      assertThat(where.get(0)).isPresent();
      assertThat(where.get(1)).as("the page after the allocation").isEmpty();
      assertThat(writes.getFirst()).isEqualTo("node 0 " + where.get(0).get() + " 4 a0b0c0d");
      // Exit zeroes the frame: the observer sees the kernel's clear too.
      assertThat(writes).hasSizeGreaterThan(1);
      assertThat(frames[0]).isEqualTo(1);
      assertThat(exitedWhileRunning[0]).isFalse();
      assertThat(inspector.hasExited(p.id())).isTrue();
      assertThat(inspector.framesInUse(NODE0)).isZero();
      assertThat(inspector.physicalAddress(p.id(), VirtualAddress.of(0x1000_0000))).isEmpty();
      assertThat(inspector.now()).isEqualTo(result.endTime());
      assertThat(inspector.counters()).isEqualTo(result.counters());
      assertThat(inspector.counter(NodeId.of(0), KernelCounter.SYSCALLS)).isEqualTo(p.systemCalls())
          .isPositive();
    }
  }

  @Test
  void incomingDmaIsSeenOnTheReceiverAndAProxyPageHasNoPhysicalAddress() {
    List<PhysicalAddress> landed = new ArrayList<>();
    PhysicalAddress[] inboxAt = new PhysicalAddress[1];
    List<Optional<PhysicalAddress>> proxy = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(7).build()) {
      Inspector inspector = mc.inspector();
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(4096);
        p.vmmc().export(inbox, BufferId.of(1), ImportPolicy.anyone());
        inboxAt[0] = inspector.physicalAddress(p.id(), inbox.address().plus(12)).orElseThrow();
        inspector.onMemoryWrite(NODE0, (node, address, length) -> landed.add(address));
        p.awaitWord(inbox, 12, w -> w == WORD);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        proxy.add(inspector.physicalAddress(p.id(), dst.imported.mapping().proxyAddress()));
        UserMemory src = p.allocate(4096);
        src.putInt(0, WORD);
        p.vmmc().send(src, 0, dst, 12, 4);
      });
      mc.run();
    }
    assertThat(landed.getFirst()).isEqualTo(inboxAt[0]);
    assertThat(proxy).containsExactly(Optional.empty());
  }

  @Test
  void anObserverOrATracerThatTriesToActAsTheProcessIsRefused() {
    List<Throwable> refused = new ArrayList<>();
    int[] afterwards = new int[1];
    // Each tries once, so a missing refusal fails the test rather than recursing.
    boolean[] tried = new boolean[2];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      UserMemory[] secret = new UserMemory[1];
      mc.inspector().onMemoryWrite(NODE0, (node, address, length) -> {
        if (secret[0] != null && !tried[0]) {
          tried[0] = true;
          try {
            secret[0].owner().storeWord(secret[0].address().plus(4), 1);
          } catch (IllegalStateException e) {
            refused.add(e);
          }
        }
      });
      mc.trace(record -> {
        if (secret[0] != null && tried[0] && !tried[1]) {
          tried[1] = true;
          try {
            secret[0].putInt(4, 2);
          } catch (IllegalStateException e) {
            refused.add(e);
          }
        }
      });
      mc.node(0).spawn("victim", p -> {
        secret[0] = p.allocate(4096);
        secret[0].putInt(0, WORD);
        p.sleep(SimDuration.ofMicros(10));
        afterwards[0] = secret[0].getInt(4);
      });
      mc.run();
    }
    assertThat(refused).hasSize(2).allSatisfy(e -> assertThat(e)
        .hasMessageContaining("victim").hasMessageContaining("may only look"));
    assertThat(afterwards[0]).isZero();
  }

  @Test
  void anObserverCannotSpawnAProcess() {
    List<Throwable> refused = new ArrayList<>();
    boolean[] tried = new boolean[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      mc.inspector().onMemoryWrite(NODE0, (node, address, length) -> {
        if (!tried[0]) {
          tried[0] = true;
          try {
            mc.node(0).spawn("intruder", p -> p.allocate(4096).putInt(0, 1));
          } catch (IllegalStateException e) {
            refused.add(e);
          }
        }
      });
      mc.node(0).spawn("writer", p -> p.allocate(4096).putInt(0, WORD));
      RunResult result = mc.run();
      assertThat(result.counter(NodeId.of(0), SystemCall.ALLOCATE)).isEqualTo(1);
    }
    assertThat(refused).singleElement().asString().contains("intruder", "may only look");
  }

  @Test
  void whatIsOutsideTheMachineIsAnIllegalArgumentNamingTheLimit() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).build()) {
      Inspector inspector = mc.inspector();
      assertThatThrownBy(() -> inspector.framesInUse(NodeId.of(2)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 2")
          .hasMessageContaining("2-node");
      assertThatThrownBy(() -> inspector.hasExited(ProcessId.of(1, 0)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process 1.0");
      assertThatThrownBy(() -> inspector.readPhysical(NODE1, PhysicalAddress.of(0xFFFF_FFF0L),
          32)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
      assertThatThrownBy(() -> inspector.readPhysical(NODE1, PhysicalAddress.of(0), -1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
      assertThat(inspector.now()).isEqualTo(SimTime.ZERO);
    }
  }
}
