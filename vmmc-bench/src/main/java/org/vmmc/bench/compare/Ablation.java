package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import com.google.inject.util.Modules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.core.nic.NicFeature;

/**
 * One row group of the ablation experiment: a design as it is, or with one of the user
 * library's {@link org.vmmc.userlib.Ablation}s putting back a cost VMMC avoids.
 *
 * @param name the short name results use
 * @param label what tables and charts call it
 * @param applied the ablation put back, or empty for the design as it is
 */
public record Ablation(String name, String label,
    Optional<org.vmmc.userlib.Ablation> applied) {

  /** The design as it is. */
  public static final Ablation NONE = new Ablation("none", "VMMC as designed", Optional.empty());

  /** A system call wrapped around every send, as a kernel-mediated send path would need. */
  public static final Ablation SYSTEM_CALL_PER_SEND =
      of(org.vmmc.userlib.Ablation.SYSTEM_CALL_PER_SEND);

  /** An interrupt for every arriving packet, as an interface that needs the kernel would. */
  public static final Ablation INTERRUPT_PER_ARRIVAL =
      of(org.vmmc.userlib.Ablation.INTERRUPT_PER_ARRIVAL);

  /** The plain design first, then every ablation of the user library. */
  public static final List<Ablation> ALL = Stream.concat(Stream.of(NONE),
      org.vmmc.userlib.Ablation.ALL.stream().map(Ablation::of)).toList();

  /** Checks the fields. */
  public Ablation {
    requireNonNull(name, "name");
    requireNonNull(label, "label");
    requireNonNull(applied, "applied");
  }

  /** The row group that applies {@code ablation}. */
  public static Ablation of(org.vmmc.userlib.Ablation ablation) {
    return new Ablation(ablation.name(), "+ " + ablation.label(), Optional.of(ablation));
  }

  /** True when this can run on a design with {@code features} (the plain design always can). */
  public boolean appliesTo(Set<NicFeature> features) {
    return applied.map(a -> features.contains(a.requires())).orElse(true);
  }

  /** Measurements on fresh machines of {@code variant} from {@code config}, with the change. */
  public Measurements measurements(Variant variant, MachineConfig config) {
    if (applied.isEmpty()) {
      return variant.measurements(config);
    }
    org.vmmc.userlib.Ablation a = applied.get();
    return new Measurements(() -> config.build(
        Modules.combine(variant.module(config), a.module())));
  }
}
