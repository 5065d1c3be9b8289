package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import java.util.function.Consumer;
import org.vmmc.core.nic.ArrivalInterruptPolicy;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;

/**
 * A cost that VMMC avoids, put back into a design to measure what avoiding it saves. Each
 * ablation is a Guice module that replaces one binding on every node, and it applies to every
 * design with the {@link NicFeature} that makes the cost avoidable: nothing in the shared send
 * and receive code checks a flag. Apply one with {@link Multicomputer.Builder#ablation}:
 *
 * <pre>{@code
 * Multicomputer mc = Multicomputer.builder().design(new Shrimp1Module())
 *     .ablation(Ablation.SYSTEM_CALL_PER_SEND).build();
 * }</pre>
 *
 * <p>On a design without the feature the machine is refused with an {@link
 * IllegalArgumentException} naming the ablation and the design.
 */
public final class Ablation {

  /**
   * A system call around every send, as a library that cannot reach the network interface
   * from user level would need: the user library's send path is bound to the design's access
   * path inside a {@code send} system call. Applies to designs with {@link
   * NicFeature#USER_LEVEL_SEND}.
   */
  public static final Ablation SYSTEM_CALL_PER_SEND = new Ablation("syscall-per-send",
      "system call per send", NicFeature.USER_LEVEL_SEND,
      binder -> OptionalBinder.newOptionalBinder(binder, LibrarySend.KEY).setBinding()
          .to(TrappingAccessPath.class));

  /**
   * An interrupt for every arriving packet, as an interface that needs the kernel on every
   * receive would: the node's {@link ArrivalInterruptPolicy} is bound to {@link
   * ArrivalInterruptPolicy#EVERY_ARRIVAL}. Notifications stay as they were; the extra
   * interrupts cost the receiving CPU their service time. Applies to designs with {@link
   * NicFeature#POLLED_RECEIVE}.
   */
  public static final Ablation INTERRUPT_PER_ARRIVAL = new Ablation("interrupt-per-arrival",
      "interrupt per arrival", NicFeature.POLLED_RECEIVE,
      binder -> OptionalBinder.newOptionalBinder(binder, ArrivalInterruptPolicy.class)
          .setBinding().toInstance(ArrivalInterruptPolicy.EVERY_ARRIVAL));

  /** Every ablation, in the order experiments show them. */
  public static final List<Ablation> ALL = List.of(SYSTEM_CALL_PER_SEND, INTERRUPT_PER_ARRIVAL);

  private final String name;
  private final String label;
  private final NicFeature requires;
  private final Consumer<Binder> bindings;

  private Ablation(String name, String label, NicFeature requires, Consumer<Binder> bindings) {
    this.name = name;
    this.label = label;
    this.requires = requires;
    this.bindings = bindings;
  }

  /** The short name results use, such as {@code syscall-per-send}. */
  public String name() {
    return name;
  }

  /** What tables and charts call it, such as {@code system call per send}. */
  public String label() {
    return label;
  }

  /** The feature a design needs for the ablation to apply: the one whose cost it puts back. */
  public NicFeature requires() {
    return requires;
  }

  /** True when the ablation applies to {@code design}. */
  public boolean appliesTo(NicDesign design) {
    return requireNonNull(design, "design").has(requires);
  }

  /**
   * A fresh node module that applies the ablation: install it in each node's injector beside
   * the design's module (as {@link Multicomputer.Builder#ablation} does). Creating the injector
   * fails with an {@link IllegalArgumentException} naming the ablation and the design when the
   * ablation does not apply to the design bound there.
   */
  public Module module() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bindings.accept(binder());
        requestInjection(new Check(Ablation.this));
      }
    };
  }

  @Override
  public String toString() {
    return name;
  }

  /** Refuses the node's design when the ablation does not apply to it. */
  private static final class Check {
    private final Ablation ablation;

    Check(Ablation ablation) {
      this.ablation = ablation;
    }

    @Inject
    void design(NicDesign design) {
      checkArgument(ablation.appliesTo(design),
          "the ablation %s (%s) applies only to designs with %s, which the %s design lacks",
          ablation.name, ablation.label, ablation.requires, design.name());
    }
  }
}
