package org.vmmc.core.nic;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One way a design moves messages that experiments measure, such as SHRIMP-II's deliberate
 * update.
 *
 * @param name a short lower-case name, as results name it ({@code du}, {@code au})
 * @param label what charts and tables call the design in this mode
 * @param kind how messages move in this mode
 */
public record TransferMode(String name, String label, TransferKind kind) {

  /** Checks the fields. */
  public TransferMode {
    checkArgument(requireNonNull(name, "name").matches("[a-z0-9]+"),
        "mode name must be lower-case letters and digits: '%s'", name);
    checkArgument(!requireNonNull(label, "label").isBlank(), "mode %s needs a label", name);
    requireNonNull(kind, "kind");
  }
}
