package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import java.util.function.Function;
import org.vmmc.bench.vmmc.Measurements;

/**
 * One way of communicating that experiments compare: a network interface design and the mode
 * messages move in on it.
 *
 * @param design the design's short name, as results name it ({@code shrimp2})
 * @param mode the mode's short name ({@code du}, {@code au}, {@code kernel})
 * @param label what charts and tables call it
 * @param module the design's Guice module for a configuration (its parameters come from there)
 * @param transfer how the mode moves messages
 * @param attribution the shares of a traced message that the design's events cannot place
 */
public record Variant(String design, String mode, String label,
    Function<MachineConfig, Module> module, TransferMethod transfer, Attribution attribution) {

  /** Checks the names. */
  public Variant {
    checkArgument(design.matches("[a-z0-9]+"), "design name must be lower-case letters and"
        + " digits: '%s'", design);
    checkArgument(mode.matches("[a-z0-9]+"), "mode name must be lower-case letters and digits:"
        + " '%s'", mode);
    requireNonNull(label, "label");
    requireNonNull(module, "module");
    requireNonNull(transfer, "transfer");
    requireNonNull(attribution, "attribution");
  }

  /** A variant whose events place all of its time ({@link Attribution#NONE}). */
  public Variant(String design, String mode, String label, Function<MachineConfig, Module> module,
      TransferMethod transfer) {
    this(design, mode, label, module, transfer, Attribution.NONE);
  }

  /** {@code design/mode}, the variant's key. */
  public String key() {
    return design + "/" + mode;
  }

  /** Measurements on fresh machines of this variant built from {@code config}. */
  public Measurements measurements(MachineConfig config) {
    return new Measurements(() -> config.build(module.apply(config)));
  }

  @Override
  public String toString() {
    return key();
  }
}
