package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VirtualAddress;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * A process's memory references and VMMC calls act in its address space, so only its own code
 * (and its notification handlers) may make them: not the host thread that holds the machine,
 * not another process that captured the object, not an event action.
 */
class OwnCodeOnlyTest {
  private static final int MARK = 0x5EC2E7;

  /** What another process's body tries on the victim, given the victim's memory. */
  private static List<Throwable> attackFromAnotherProcess(Consumer<UserMemory> attack) {
    List<Throwable> thrown = new ArrayList<>();
    int[] afterwards = new int[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).seed(2).build()) {
      UserMemory[] secret = new UserMemory[1];
      mc.node(0).spawn("victim", p -> {
        secret[0] = p.allocate(4096);
        secret[0].putInt(0, MARK);
        p.sleep(SimDuration.ofMillis(2));
        afterwards[0] = secret[0].getInt(0);
      });
      mc.node(0).spawn("attacker", p -> {
        p.sleep(SimDuration.ofMillis(1));
        try {
          attack.accept(secret[0]);
        } catch (RuntimeException e) {
          thrown.add(e);
        }
      });
      mc.run();
    }
    assertThat(afterwards[0]).as("the victim's word").isEqualTo(MARK);
    return thrown;
  }

  private static void assertRefusedNaming(List<Throwable> thrown, String... names) {
    assertThat(thrown).singleElement().isInstanceOfSatisfying(IllegalStateException.class,
        e -> assertThat(e.getMessage()).contains(names));
  }

  @Test
  void anotherProcessCannotStoreThroughTheVictimsRawReferences() {
    assertRefusedNaming(attackFromAnotherProcess(m -> m.owner().storeWord(m.address(), 1)),
        "attacker", "victim");
  }

  @Test
  void anotherProcessCannotLoadThroughTheVictimsRawReferences() {
    assertRefusedNaming(attackFromAnotherProcess(m -> m.owner().loadWord(m.address())),
        "attacker", "victim");
  }

  @Test
  void anotherProcessCannotUseTheVictimsMemoryOrCalls() {
    assertRefusedNaming(attackFromAnotherProcess(m -> m.putInt(0, 1)), "attacker", "victim");
    assertRefusedNaming(attackFromAnotherProcess(m -> m.getBytes(0, 4)), "attacker", "victim");
    assertRefusedNaming(attackFromAnotherProcess(m -> m.owner().allocate(4096)), "attacker",
        "victim");
    assertRefusedNaming(attackFromAnotherProcess(m -> m.owner().vmmc().export(m, BufferId.of(1),
        ImportPolicy.anyone())), "attacker", "victim");
  }

  @Test
  void theHostThreadCannotMakeAProcesssReferences() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      VirtualAddress[] where = new VirtualAddress[1];
      VmmcProcess victim = mc.node(0).spawn("victim", p -> where[0] = p.allocate(4096).address());
      assertThatThrownBy(() -> victim.storeWord(VirtualAddress.of(0x1000_0000), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("victim").hasMessageContaining("host thread");
      mc.run();
      assertThatThrownBy(() -> victim.loadWord(where[0]))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("victim").hasMessageContaining("host thread");
    }
  }

  @Test
  void anEventActionCannotMakeAProcesssReferences() {
    List<Throwable> thrown = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(1, 1).build()) {
      UserMemory[] secret = new UserMemory[1];
      mc.node(0).spawn("victim", p -> {
        secret[0] = p.allocate(4096);
        p.sleep(SimDuration.ofMillis(2));
      });
      mc.simulator().schedule(SimDuration.ofMillis(1), () -> {
        try {
          secret[0].owner().storeWord(secret[0].address(), 1);
        } catch (RuntimeException e) {
          thrown.add(e);
        }
      });
      mc.run();
    }
    assertRefusedNaming(thrown, "victim", "event");
  }

  @Test
  void theProcesssOwnNotificationHandlerMayStoreInItsMemory() {
    int[] seen = new int[1];
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(4).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory flag = p.allocate(4096);
        p.vmmc().export(p.allocate(4096), BufferId.of(1), ImportPolicy.anyone(),
            n -> p.storeWord(flag.address(), MARK));
        seen[0] = p.awaitWord(flag, 0, w -> w == MARK);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
        p.vmmc().sendWithNotify(p.allocate(4096), 0, dst, 0, 4);
      });
      mc.run();
    }
    assertThat(seen[0]).isEqualTo(MARK);
  }
}
