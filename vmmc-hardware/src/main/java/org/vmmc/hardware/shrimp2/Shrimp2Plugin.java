package org.vmmc.hardware.shrimp2;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.sim.Stage;

/**
 * SHRIMP-II as a plug-in: deliberate and automatic update, its parameters, and the snoop
 * latency its trace cannot place.
 */
public final class Shrimp2Plugin implements NicPlugin<Shrimp2Parameters> {
  private static final List<TransferMode> MODES = List.of(
      new TransferMode("du", "SHRIMP-II deliberate update", TransferKind.DELIBERATE_UPDATE),
      new TransferMode("au", "SHRIMP-II automatic update, TIMER_WRITE",
          TransferKind.AUTOMATIC_UPDATE));

  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public Shrimp2Plugin() {}

  @Override
  public NicDesign design() {
    return Shrimp2Design.INSTANCE;
  }

  @Override
  public String label() {
    return "SHRIMP-II";
  }

  @Override
  public String description() {
    return "the SHRIMP interface that was built: user-level DMA from any page, and automatic"
        + " update of stores snooped on the memory bus";
  }

  @Override
  public List<TransferMode> modes() {
    return MODES;
  }

  @Override
  public ParameterSet<Shrimp2Parameters, ?> parameters() {
    return Shrimp2Parameters.PARAMETERS;
  }

  @Override
  public Module module(Shrimp2Parameters parameters) {
    return new Shrimp2Module(parameters);
  }

  /**
   * An automatic-update packet passes the snoop logic's latency after its FIFO entry closes and
   * before the packetizer builds it, all in the interval that ends with the {@code packetize}
   * event (counted by {@link Shrimp2Counter#AU_PACKETS}).
   */
  @Override
  public List<StageShare> shares(AttributionContext context) {
    Shrimp2Parameters nic = context.parameters(Shrimp2Parameters.PARAMETERS);
    return List.of(new StageShare(Stage.NIC_LOGIC, Stage.SNOOP,
        nic.cycles(nic.snoopCycles()).times(context.senderCount(Shrimp2Counter.AU_PACKETS))));
  }
}
