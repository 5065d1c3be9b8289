package org.vmmc.hardware.conventional;

import com.google.inject.Module;
import java.util.List;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.sim.Stage;

/**
 * The conventional kernel-mediated interface as a plug-in: sends by system call, its
 * parameters, and the kernel paths its trace cannot place.
 */
public final class ConventionalPlugin implements NicPlugin<ConventionalParameters> {
  private static final List<TransferMode> MODES = List.of(new TransferMode("kernel",
      "conventional kernel-mediated, Paragon NX style", TransferKind.DELIBERATE_UPDATE));

  /** The plug-in; {@link java.util.ServiceLoader} calls this. */
  public ConventionalPlugin() {}

  @Override
  public NicDesign design() {
    return ConventionalDesign.INSTANCE;
  }

  @Override
  public String label() {
    return "conventional";
  }

  @Override
  public String description() {
    return "a kernel-mediated interface in the style of Paragon NX on SHRIMP's hardware: every"
        + " send is a system call that copies into kernel buffers, every arrival an interrupt";
  }

  @Override
  public List<TransferMode> modes() {
    return MODES;
  }

  @Override
  public ParameterSet<ConventionalParameters, ?> parameters() {
    return ConventionalParameters.PARAMETERS;
  }

  @Override
  public Module module(ConventionalParameters parameters) {
    return new ConventionalModule(parameters);
  }

  /**
   * The send system call's kernel path (send path and protocol per call, the card's register
   * references per packet) and its copy into kernel buffers run on the sender's clock before
   * the card starts; at the receiver, the arrival interrupt's handler is one traced interval
   * (its {@code receive copy} event) of interrupt entry, device service, protocol and the copy
   * into the user's buffer.
   */
  @Override
  public List<StageShare> shares(AttributionContext context) {
    CpuParameters cpu = context.parameters(CpuParameters.PARAMETERS);
    ConventionalParameters nx = context.parameters(ConventionalParameters.PARAMETERS);
    long copyPerWord = cpu.cachedLoadCycles() + cpu.cachedStoreCycles();
    long calls = context.senderCount(SystemCall.SEND);
    long packets = context.senderCount(NicCounter.PACKETS_SENT);
    long arrivals = context.receiverCount(ConventionalCounter.ARRIVAL_INTERRUPTS);
    int word = context.geometry().wordSize();
    long copiedWords =
        (context.senderCount(ConventionalCounter.KERNEL_COPIED_BYTES) + word - 1) / word;
    return List.of(
        new StageShare(Stage.COPY, Stage.INTERRUPT, cpu.cycles(arrivals
            * (cpu.interruptEntryCycles() + nx.interruptServiceCycles()
                + nx.receiveProtocolCycles()))),
        new StageShare(Stage.PROCESS, Stage.SYSTEM_CALL, cpu.cycles(
            calls * (nx.sendPathCycles() + nx.sendProtocolCycles())
                + packets * nx.nicStartReferences() * cpu.uncachedIoCycles())),
        new StageShare(Stage.PROCESS, Stage.COPY,
            cpu.cycles(packets * nx.copySetupCycles() + copiedWords * copyPerWord)));
  }
}
