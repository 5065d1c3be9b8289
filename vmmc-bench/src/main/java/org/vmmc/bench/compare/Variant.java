package org.vmmc.bench.compare;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;

/**
 * One way of communicating that experiments compare: a network interface design and one of
 * the modes its plug-in declares.
 *
 * @param plugin the design
 * @param transferMode the mode, one of {@code plugin}'s
 */
public record Variant(NicPlugin<?> plugin, TransferMode transferMode) {

  /** Checks that the mode is the design's. */
  public Variant {
    requireNonNull(plugin, "plugin");
    requireNonNull(transferMode, "transferMode");
    if (!plugin.modes().contains(transferMode)) {
      throw new IllegalArgumentException("design " + plugin.name() + " has no mode "
          + transferMode.name() + "; its modes: " + plugin.modes().stream()
          .map(TransferMode::name).toList());
    }
  }

  /** The design's short name, as results name it. */
  public String design() {
    return plugin.name();
  }

  /** The mode's short name, as results name it. */
  public String mode() {
    return transferMode.name();
  }

  /** What charts and tables call the design in this mode. */
  public String label() {
    return transferMode.label();
  }

  /** {@code design/mode}, the variant's key. */
  public String key() {
    return design() + "/" + mode();
  }

  /** How the mode moves messages in each measurement. */
  public TransferMethod transfer() {
    return transferMode.kind() == TransferKind.AUTOMATIC_UPDATE
        ? TransferMethod.AUTOMATIC_UPDATE : TransferMethod.DELIBERATE_UPDATE;
  }

  /** The design's Guice module with the parameters {@code config} holds for it. */
  public Module module(MachineConfig config) {
    return module(plugin, config);
  }

  private static <P extends Record> Module module(NicPlugin<P> plugin, MachineConfig config) {
    ParameterSet<P, ?> set = plugin.parameters();
    return plugin.module(config.get(set));
  }

  /** The shares of {@code message}, traced on a machine built from {@code config}. */
  public List<StageShare> shares(MachineConfig config, OneWay message) {
    return plugin.shares(new TracedMessage(config, message));
  }

  /** Measurements on fresh machines of this variant built from {@code config}. */
  public Measurements measurements(MachineConfig config) {
    return new Measurements(() -> config.build(module(config)));
  }

  @Override
  public String toString() {
    return key();
  }
}
