package org.vmmc.userlib;

import org.vmmc.kernel.KernelCounter;
import org.vmmc.core.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * Each ablation changes what it should on every design it applies to, and nothing else, and is
 * refused by name on a design it does not apply to.
 */
class AblationTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;

  /** What one run of {@link #exchange} left behind. */
  private record Exchange(RunResult result, byte[] received, List<Integer> notified) {}

  /**
   * Node 1 sends three messages to a two-page buffer with a handler on node 0: a word, a
   * 12-byte message on the second page, and a notifying flag word that the receiver polls for.
   */
  private static Exchange exchange(Module design, Ablation... ablations) {
    byte[][] received = new byte[1][];
    List<Integer> notified = new ArrayList<>();
    Multicomputer.Builder builder = Multicomputer.builder().design(design).mesh(2, 1).seed(7);
    Arrays.stream(ablations).forEach(builder::ablation);
    try (Multicomputer mc = builder.build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        UserMemory inbox = p.allocate(2 * PAGE);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone(), n -> notified.add(n.offset()));
        p.awaitWord(inbox, 8, word -> word == 3);
        p.sleep(SimDuration.ofMicros(200));
        received[0] = inbox.getBytes(0, 2 * PAGE);
      });
      mc.node(1).spawn("sender", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory src = p.allocate(PAGE);
        src.putInt(0, 1);
        src.putInt(4, 2);
        src.putInt(8, 3);
        p.vmmc().send(src, 0, dst, 0, 4);
        p.vmmc().send(src, 0, dst, PAGE, 12);
        p.vmmc().sendWithNotify(src, 8, dst, 8, 4);
      });
      return new Exchange(mc.run(), received[0], notified);
    }
  }

  /** The counters whose values differ between {@code a} and {@code b}, with b's minus a's. */
  private static Map<String, Long> changed(RunResult a, RunResult b) {
    Map<String, Long> diff = new TreeMap<>();
    Stream.concat(a.counters().keySet().stream(), b.counters().keySet().stream()).distinct()
        .filter(k -> !a.counters().getOrDefault(k, 0L).equals(b.counters().getOrDefault(k, 0L)))
        .forEach(k -> diff.put(k, b.counters().getOrDefault(k, 0L)
            - a.counters().getOrDefault(k, 0L)));
    return diff;
  }

  static Stream<Arguments> designsWithPolledUserLevelMessaging() {
    return Stream.of(
        Arguments.of("shrimp1", (Supplier<Module>) Shrimp1Module::new),
        Arguments.of("shrimp2", (Supplier<Module>) Shrimp2Module::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designsWithPolledUserLevelMessaging")
  void aSystemCallPerSendTrapsOnEverySendAndChangesNothingElse(String name,
      Supplier<Module> design) {
    Exchange plain = exchange(design.get());
    Exchange trapped = exchange(design.get(), Ablation.SYSTEM_CALL_PER_SEND);

    assertThat(changed(plain.result(), trapped.result())).containsExactlyInAnyOrderEntriesOf(
        Map.of("node1.kernel.syscalls", 3L, "node1.kernel.syscalls.send", 3L));
    assertThat(trapped.received()).isEqualTo(plain.received());
    assertThat(trapped.notified()).containsExactly(8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designsWithPolledUserLevelMessaging")
  void anInterruptPerArrivalInterruptsForEveryPacketAndNotifiesOnlyWhenAsked(String name,
      Supplier<Module> design) {
    Exchange plain = exchange(design.get());
    Exchange interrupted = exchange(design.get(), Ablation.INTERRUPT_PER_ARRIVAL);

    assertThat(plain.result().counter(NodeId.of(0), KernelCounter.INTERRUPTS)).isEqualTo(1);
    assertThat(changed(plain.result(), interrupted.result()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("node0.kernel.interrupts", 2L));
    assertThat(interrupted.received()).isEqualTo(plain.received());
    assertThat(interrupted.notified()).containsExactly(8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designsWithPolledUserLevelMessaging")
  void bothAblationsTogetherAddUpTheirChanges(String name, Supplier<Module> design) {
    Exchange plain = exchange(design.get());
    Exchange both = exchange(design.get(), Ablation.SYSTEM_CALL_PER_SEND,
        Ablation.INTERRUPT_PER_ARRIVAL, Ablation.SYSTEM_CALL_PER_SEND);

    assertThat(changed(plain.result(), both.result())).containsExactlyInAnyOrderEntriesOf(
        Map.of("node1.kernel.syscalls", 3L, "node1.kernel.syscalls.send", 3L,
            "node0.kernel.interrupts", 2L));
    assertThat(both.received()).isEqualTo(plain.received());
  }

  @Test
  void aDesignWithoutTheFeatureIsRefusedNamingTheAblationAndTheDesign() {
    assertThatThrownBy(() -> Multicomputer.builder().design(new ConventionalModule())
        .ablation(Ablation.SYSTEM_CALL_PER_SEND).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the ablation syscall-per-send (system call per send) applies only to"
            + " designs with USER_LEVEL_SEND, which the conventional design lacks");
    assertThatThrownBy(() -> Multicomputer.builder().design(new ConventionalModule())
        .ablation(Ablation.INTERRUPT_PER_ARRIVAL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the ablation interrupt-per-arrival (interrupt per arrival) applies only to"
            + " designs with POLLED_RECEIVE, which the conventional design lacks");
  }

  @Test
  void theModuleRefusesTheDesignWhereverItIsInstalled() {
    assertThatThrownBy(() -> Multicomputer.builder().design(new ConventionalModule())
        .overrideNodes(Ablation.INTERRUPT_PER_ARRIVAL.module()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interrupt-per-arrival")
        .hasMessageContaining("conventional");
  }

  @Test
  void eachAblationNamesTheFeatureItNeeds() {
    assertThat(Ablation.ALL).containsExactly(Ablation.SYSTEM_CALL_PER_SEND,
        Ablation.INTERRUPT_PER_ARRIVAL);
    assertThat(Ablation.SYSTEM_CALL_PER_SEND.requires()).isEqualTo(NicFeature.USER_LEVEL_SEND);
    assertThat(Ablation.INTERRUPT_PER_ARRIVAL.requires()).isEqualTo(NicFeature.POLLED_RECEIVE);
    assertThat(Ablation.SYSTEM_CALL_PER_SEND).hasToString("syscall-per-send");
  }
}
