package org.vmmc.examples.ideal;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;

/**
 * The ideal interface as a plug-in, found through {@link java.util.ServiceLoader} by the line in
 * {@code META-INF/services/org.vmmc.core.nic.NicPlugin}: one deliberate-update mode, its two
 * parameters, and no shares to move, since every cost it leaves is the backplane's and the
 * processes' own and the trace places them.
 */
public final class IdealPlugin implements NicPlugin<IdealParameters> {
  private static final List<TransferMode> MODES =
      List.of(new TransferMode("du", "ideal DU", TransferKind.DELIBERATE_UPDATE));

  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public IdealPlugin() {}

  @Override
  public NicDesign design() {
    return IdealDesign.INSTANCE;
  }

  @Override
  public String label() {
    return "ideal interface";
  }

  @Override
  public String description() {
    return "a zero-cost interface: sends and arrivals take no interface, bus or CPU time, only"
        + " the backplane carries packets at its real cost";
  }

  @Override
  public List<TransferMode> modes() {
    return MODES;
  }

  @Override
  public ParameterSet<IdealParameters, ?> parameters() {
    return IdealParameters.PARAMETERS;
  }

  @Override
  public Module module(IdealParameters parameters) {
    return new IdealModule(parameters);
  }
}
