package org.vmmc.hardware.shrimp1;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.sim.Stage;

/**
 * SHRIMP-I as a plug-in: deliberate update only, its parameters, and the staging copy its
 * trace cannot place.
 */
public final class Shrimp1Plugin implements NicPlugin<Shrimp1Parameters> {
  private static final List<TransferMode> MODES = List.of(
      new TransferMode("du", "SHRIMP-I deliberate update", TransferKind.DELIBERATE_UPDATE));

  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public Shrimp1Plugin() {}

  @Override
  public NicDesign design() {
    return Shrimp1Design.INSTANCE;
  }

  @Override
  public String label() {
    return "SHRIMP-I";
  }

  @Override
  public String description() {
    return "the first SHRIMP interface: an EISA card whose sends start with one"
        + " compare-and-exchange on a fixed send page, with no memory-bus snooper and so no"
        + " automatic update";
  }

  @Override
  public List<TransferMode> modes() {
    return MODES;
  }

  @Override
  public ParameterSet<Shrimp1Parameters, ?> parameters() {
    return Shrimp1Parameters.PARAMETERS;
  }

  @Override
  public Module module(Shrimp1Parameters parameters) {
    return new Shrimp1Module(parameters);
  }

  /**
   * The library's staging copy into the send pages (one cached load and one cached store per
   * word, counted by {@link Shrimp1Counter#STAGED_BYTES}) runs on the sender's clock before the
   * compare-and-exchange that starts the card.
   */
  @Override
  public List<StageShare> shares(AttributionContext context) {
    CpuParameters cpu = context.parameters(CpuParameters.PARAMETERS);
    int word = context.geometry().wordSize();
    long words = (context.senderCount(Shrimp1Counter.STAGED_BYTES) + word - 1) / word;
    return List.of(new StageShare(Stage.PROCESS, Stage.COPY,
        cpu.cycles(words * (cpu.cachedLoadCycles() + cpu.cachedStoreCycles()))));
  }
}
