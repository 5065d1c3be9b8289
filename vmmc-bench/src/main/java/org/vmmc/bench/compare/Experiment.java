package org.vmmc.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.kernel.KernelCounter;

/**
 * The experiments of the design comparison, each a list of independent measurement tasks
 * between neighbouring nodes 0 and 1.
 */
public enum Experiment {
  /** One-way latency against message size, per variant. */
  LATENCY("latency") {
    @Override
    public List<Task> tasks(RunSettings s) {
      return perVariantAndSize(s, (v, m, bytes) -> new LatencyResult(v.design(), v.mode(),
          bytes, v.transfer().latency(m, bytes, s.warmup(), s.rounds()).toMicros()));
    }
  },

  /** Sustained bandwidth against message size, per variant. */
  BANDWIDTH("bandwidth") {
    @Override
    public List<Task> tasks(RunSettings s) {
      return perVariantAndSize(s, (v, m, bytes) -> {
        int count = s.bandwidthMessages(bytes);
        return new BandwidthResult(v.design(), v.mode(), bytes, count,
            v.transfer().bandwidth(m, bytes, count));
      });
    }
  },

  /** Where the time of one small message goes, per variant. */
  BREAKDOWN("breakdown") {
    @Override
    public List<Task> tasks(RunSettings s) {
      List<Task> tasks = new ArrayList<>();
      TraceBreakdown analysis = TraceBreakdown.of(s.config());
      int bytes = s.breakdownBytes();
      for (Variant v : s.variants()) {
        Measurements m = v.measurements(s.config());
        tasks.add(new Task("breakdown " + v.key() + " " + bytes + " B", () -> {
          OneWay message = v.transfer().traceOneWay(m, bytes, s.warmup());
          Map<Component, SimDuration> parts = analysis.analyze(message,
              v.shares(s.config(), message));
          Map<Component, Double> us = new java.util.EnumMap<>(Component.class);
          parts.forEach((c, d) -> us.put(c, d.toMicros()));
          return List.of(new BreakdownResult(v.design(), v.mode(), bytes,
              message.latency().toMicros(), us));
        }));
      }
      return tasks;
    }
  },

  /**
   * What VMMC saves: each design's deliberate update as designed and with every ablation that
   * applies to the design (a system call per send where sends are user-level, an interrupt per
   * arrival where receiving is polled). A design no ablation applies to is left out.
   */
  ABLATION("ablation") {
    @Override
    public List<Task> tasks(RunSettings s) {
      List<Task> tasks = new ArrayList<>();
      for (Variant v : deliberateUpdatePerDesign(s.variants())) {
        List<Ablation> applicable = Ablation.ALL.stream()
            .filter(a -> a.appliesTo(v.plugin().features()))
            .toList();
        if (applicable.equals(List.of(Ablation.NONE))) {
          continue;
        }
        SimDuration interrupt = interruptService(s.config());
        for (Ablation a : applicable) {
          Measurements m = a.measurements(v, s.config());
          for (int bytes : s.ablationSizes()) {
            tasks.add(new Task("ablation " + v.key() + " " + a.name() + " " + bytes + " B", () -> {
              double latency = v.transfer().latency(m, bytes, s.warmup(), s.rounds()).toMicros();
              double bandwidth = v.transfer().bandwidth(m, bytes, s.bandwidthMessages(bytes));
              OneWay message = v.transfer().traceOneWay(m, bytes, s.warmup());
              long interrupts = message.receiverCount(KernelCounter.INTERRUPTS);
              return List.of(new AblationResult(v.design(), v.mode(), a.name(), bytes, latency,
                  bandwidth, message.senderSystemCalls(), interrupts,
                  message.sendTime().toMicros(), interrupt.times(interrupts).toMicros()));
            }));
          }
        }
      }
      return tasks;
    }
  };

  private final String label;

  Experiment(String label) {
    this.label = label;
  }

  /** The experiment's name in results. */
  public String label() {
    return label;
  }

  /** The measurement tasks of this experiment for {@code settings}. */
  public abstract List<Task> tasks(RunSettings settings);

  /** One measurement of a message size on a variant. */
  private interface SizeMeasurement {
    /** The result of measuring {@code bytes}-byte messages on {@code v} with {@code m}. */
    Result measure(Variant v, Measurements m, int bytes);
  }

  /** A task per variant and message size of {@code s}, each measured by {@code measurement}. */
  List<Task> perVariantAndSize(RunSettings s, SizeMeasurement measurement) {
    List<Task> tasks = new ArrayList<>();
    for (Variant v : s.variants()) {
      Measurements m = v.measurements(s.config());
      for (int bytes : s.sizes()) {
        tasks.add(new Task(label + " " + v.key() + " " + bytes + " B",
            () -> List.of(measurement.measure(v, m, bytes))));
      }
    }
    return tasks;
  }

  /** The first deliberate-update variant of each design among {@code variants}, in order. */
  static List<Variant> deliberateUpdatePerDesign(List<Variant> variants) {
    Map<String, Variant> first = new LinkedHashMap<>();
    for (Variant v : variants) {
      if (v.transfer() == TransferMethod.DELIBERATE_UPDATE) {
        first.putIfAbsent(v.design(), v);
      }
    }
    return List.copyOf(first.values());
  }

  /** The CPU time the kernel spends on one network interface interrupt. */
  static SimDuration interruptService(MachineConfig config) {
    CpuParameters cpu = config.hardware().cpu();
    return cpu.cycles(cpu.interruptEntryCycles() + cpu.interruptExitCycles()
        + config.get(MachineConfig.KERNEL).interruptDispatchCycles());
  }
}
