package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * The registry of designs and modes the experiments compare. Adding a design or a mode is one
 * entry in {@link #ALL}: its names, its label, its Guice module for a configuration, and how
 * its messages move.
 */
public final class Variants {

  /** Every variant this build can run, in the order tables and charts show them. */
  public static final List<Variant> ALL = List.of(
      new Variant("shrimp2", "du", "SHRIMP-II deliberate update",
          c -> new Shrimp2Module(c.part(MachineConfig.SHRIMP2)), TransferMethod.DELIBERATE_UPDATE));

  /** The variant whose switches the ablation experiment turns. */
  public static final String ABLATION_DESIGN = "shrimp2";

  private Variants() {}

  /** The design names of {@link #ALL}, in order. */
  public static Set<String> designs() {
    Set<String> names = new LinkedHashSet<>();
    ALL.forEach(v -> names.add(v.design()));
    return names;
  }

  /** The mode names of {@link #ALL}, in order. */
  public static Set<String> modes() {
    Set<String> names = new LinkedHashSet<>();
    ALL.forEach(v -> names.add(v.mode()));
    return names;
  }

  /**
   * The variants whose design is in {@code designs} and mode in {@code modes} (an empty set
   * selects all); an {@link IllegalArgumentException} naming the available ones for an unknown
   * name or an empty selection.
   */
  public static List<Variant> select(Set<String> designs, Set<String> modes) {
    for (String d : designs) {
      checkArgument(designs().contains(d), "design '%s' is not available; available designs:"
          + " %s", d, String.join(", ", designs()));
    }
    for (String m : modes) {
      checkArgument(modes().contains(m), "mode '%s' is not available; available modes: %s", m,
          String.join(", ", modes()));
    }
    List<Variant> chosen = new ArrayList<>();
    for (Variant v : ALL) {
      if ((designs.isEmpty() || designs.contains(v.design()))
          && (modes.isEmpty() || modes.contains(v.mode()))) {
        chosen.add(v);
      }
    }
    List<String> keys = ALL.stream().map(Variant::key).toList();
    checkArgument(!chosen.isEmpty(), "no design/mode pair matches designs %s and modes %s;"
        + " available pairs: %s", designs, modes, String.join(", ", keys));
    return chosen;
  }

  /** The variant {@code design/mode}, if this build has it. */
  public static java.util.Optional<Variant> find(String design, String mode) {
    return ALL.stream().filter(v -> v.design().equals(design) && v.mode().equals(mode))
        .findFirst();
  }
}
