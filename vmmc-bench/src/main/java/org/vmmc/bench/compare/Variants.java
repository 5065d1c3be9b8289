package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.nic.NicCounter;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.SystemCall;
import org.vmmc.core.sim.Stage;
import org.vmmc.hardware.conventional.ConventionalCounter;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Counter;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp2.Shrimp2Counter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;

/**
 * The registry of designs and modes the experiments compare. Adding a design or a mode is one
 * entry in {@link #ALL}: its names, its label, its Guice module for a configuration, how its
 * messages move, and the shares of its traced time that its events cannot place.
 */
public final class Variants {

  /** Every variant this build can run, in the order tables and charts show them. */
  public static final List<Variant> ALL = List.of(
      new Variant("shrimp1", "du", "SHRIMP-I deliberate update",
          c -> new Shrimp1Module(c.get(MachineConfig.SHRIMP1)), TransferMethod.DELIBERATE_UPDATE,
          Variants::shrimp1Staging),
      new Variant("shrimp2", "du", "SHRIMP-II deliberate update",
          c -> new Shrimp2Module(c.get(MachineConfig.SHRIMP2)), TransferMethod.DELIBERATE_UPDATE,
          Variants::shrimp2Snoop),
      new Variant("shrimp2", "au", "SHRIMP-II automatic update, TIMER_WRITE",
          c -> new Shrimp2Module(c.get(MachineConfig.SHRIMP2)), TransferMethod.AUTOMATIC_UPDATE,
          Variants::shrimp2Snoop),
      new Variant("conventional", "kernel", "conventional kernel-mediated, Paragon NX style",
          c -> new ConventionalModule(c.get(MachineConfig.CONVENTIONAL)),
          TransferMethod.DELIBERATE_UPDATE, Variants::conventionalKernel));

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
  public static Optional<Variant> find(String design, String mode) {
    return ALL.stream().filter(v -> v.design().equals(design) && v.mode().equals(mode))
        .findFirst();
  }

  /**
   * SHRIMP-I: the library's staging copy into the send pages (one cached load and one cached
   * store per word, counted by {@link Shrimp1Counter#STAGED_BYTES}) runs on the sender's clock
   * before the compare-and-exchange that starts the card.
   */
  private static List<StageShare> shrimp1Staging(MachineConfig c, OneWay m) {
    CpuParameters cpu = c.hardware().cpu();
    long words = words(c, m.senderCount(Shrimp1Counter.STAGED_BYTES));
    return List.of(new StageShare(Stage.PROCESS, Stage.COPY,
        cpu.cycles(words * (cpu.cachedLoadCycles() + cpu.cachedStoreCycles()))));
  }

  /**
   * SHRIMP-II: an automatic-update packet passes the snoop logic's latency after its FIFO
   * entry closes and before the packetizer builds it, all in the interval that ends with the
   * {@code packetize} event (counted by {@link Shrimp2Counter#AU_PACKETS}).
   */
  private static List<StageShare> shrimp2Snoop(MachineConfig c, OneWay m) {
    Shrimp2Parameters nic = c.get(MachineConfig.SHRIMP2);
    return List.of(new StageShare(Stage.NIC_LOGIC, Stage.SNOOP,
        nic.cycles(nic.snoopCycles()).times(m.senderCount(Shrimp2Counter.AU_PACKETS))));
  }

  /**
   * The conventional interface: the send system call's kernel path (send path and protocol per
   * call, the card's register references per packet) and its copy into kernel buffers run on
   * the sender's clock before the card starts; at the receiver, the arrival interrupt's
   * handler is one traced interval (its {@code receive copy} event) of interrupt entry, device
   * service, protocol and the copy into the user's buffer.
   */
  private static List<StageShare> conventionalKernel(MachineConfig c, OneWay m) {
    CpuParameters cpu = c.hardware().cpu();
    ConventionalParameters nx = c.get(MachineConfig.CONVENTIONAL);
    long copyPerWord = cpu.cachedLoadCycles() + cpu.cachedStoreCycles();
    long calls = m.senderCount(SystemCall.SEND);
    long packets = m.senderCount(NicCounter.PACKETS_SENT);
    long arrivals = m.receiverCount(ConventionalCounter.ARRIVAL_INTERRUPTS);
    return List.of(
        new StageShare(Stage.COPY, Stage.INTERRUPT, cpu.cycles(arrivals
            * (cpu.interruptEntryCycles() + nx.interruptServiceCycles()
                + nx.receiveProtocolCycles()))),
        new StageShare(Stage.PROCESS, Stage.SYSTEM_CALL, cpu.cycles(
            calls * (nx.sendPathCycles() + nx.sendProtocolCycles())
                + packets * nx.nicStartReferences() * cpu.uncachedIoCycles())),
        new StageShare(Stage.PROCESS, Stage.COPY, cpu.cycles(packets * nx.copySetupCycles()
            + words(c, m.senderCount(ConventionalCounter.KERNEL_COPIED_BYTES)) * copyPerWord)));
  }

  private static long words(MachineConfig c, long bytes) {
    int word = c.hardware().geometry().wordSize();
    return (bytes + word - 1) / word;
  }
}
