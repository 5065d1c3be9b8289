package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.hardware.conventional.ConventionalModule;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
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
   * store per word, counted by {@code nic.staged-bytes}) runs on the sender's clock before the
   * compare-and-exchange that starts the card.
   */
  private static List<Share> shrimp1Staging(MachineConfig c, OneWay m) {
    CpuParameters cpu = c.hardware().cpu();
    long words = words(c, m.senderCounter("nic.staged-bytes"));
    return List.of(new Share(Component.SENDER, Component.COPIES,
        cpu.cycles(words * (cpu.cachedLoadCycles() + cpu.cachedStoreCycles()))));
  }

  /**
   * SHRIMP-II: an automatic-update packet passes the snoop logic's latency after its FIFO
   * entry closes and before the packetizer builds it, all in the interval that ends with the
   * {@code packetize} event (counted by {@code nic.au-packets}).
   */
  private static List<Share> shrimp2Snoop(MachineConfig c, OneWay m) {
    Shrimp2Parameters nic = c.get(MachineConfig.SHRIMP2);
    return List.of(new Share(Component.NIC, Component.BUS_SNOOP,
        nic.cycles(nic.snoopCycles()).times(m.senderCounter("nic.au-packets"))));
  }

  /**
   * The conventional interface: the send system call's kernel path (send path and protocol per
   * call, the card's register references per packet) and its copy into kernel buffers run on
   * the sender's clock before the card starts; at the receiver, the arrival interrupt's
   * handler is one traced interval (its {@code receive copy} event) of interrupt entry, device
   * service, protocol and the copy into the user's buffer.
   */
  private static List<Share> conventionalKernel(MachineConfig c, OneWay m) {
    CpuParameters cpu = c.hardware().cpu();
    ConventionalParameters nx = c.get(MachineConfig.CONVENTIONAL);
    long copyPerWord = cpu.cachedLoadCycles() + cpu.cachedStoreCycles();
    long calls = m.senderCounter("kernel.syscalls.send");
    long packets = m.senderCounter("nic.packets-sent");
    long arrivals = m.receiverCounter("nic.arrival-interrupts");
    return List.of(
        new Share(Component.COPIES, Component.RECEIVER, cpu.cycles(arrivals
            * (cpu.interruptEntryCycles() + nx.interruptServiceCycles()
                + nx.receiveProtocolCycles()))),
        new Share(Component.SENDER, Component.SYSTEM_CALLS, cpu.cycles(
            calls * (nx.sendPathCycles() + nx.sendProtocolCycles())
                + packets * nx.nicStartReferences() * cpu.uncachedIoCycles())),
        new Share(Component.SENDER, Component.COPIES, cpu.cycles(packets * nx.copySetupCycles()
            + words(c, m.senderCounter("nic.kernel-copied-bytes")) * copyPerWord)));
  }

  private static long words(MachineConfig c, long bytes) {
    int word = c.hardware().geometry().wordSize();
    return (bytes + word - 1) / word;
  }
}
