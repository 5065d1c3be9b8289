package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.vmmc.core.NodeId;
import org.vmmc.core.SimTime;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.sim.EventTracer;
import org.vmmc.core.sim.RunSummary;
import org.vmmc.core.sim.Simulator;
import org.vmmc.hardware.mesh.MeshModule;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.ControlNetworkModule;
import org.vmmc.hardware.node.NodeHardwareModule;
import org.vmmc.hardware.node.NodeHardwareParameters;
import org.vmmc.kernel.AutomaticUpdateParameters;
import org.vmmc.kernel.KernelDirectory;
import org.vmmc.kernel.KernelModule;
import org.vmmc.kernel.KernelParameters;

/**
 * A simulated SHRIMP multicomputer: nodes on a mesh backplane, each with its memory, CPU,
 * network interface of the chosen design and kernel, and an Ethernet for the kernels' control
 * messages. Assembled with Guice: one injector for what the machine shares (simulator,
 * backplane, control network) and a child injector per node, so per-node state stays per node
 * and any binding can be overridden in tests.
 *
 * <pre>{@code
 * Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
 *     .mesh(4, 4).seed(42).build();
 * VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
 *   UserMemory inbox = p.allocate(4096);
 *   p.vmmc().export(inbox, BufferId.of(1), ImportPolicy.anyone());
 *   p.awaitChange(inbox, 0, 4);
 * });
 * mc.node(5).spawn("sender", p -> {
 *   ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), BufferId.of(1));
 *   UserMemory src = p.allocate(4096);
 *   src.putInt(0, 42);
 *   p.vmmc().send(src, 0, dst, 0, 4);
 * });
 * RunResult result = mc.run();
 * }</pre>
 */
public final class Multicomputer implements AutoCloseable {
  private final Simulator sim;
  private final List<Node> nodes;
  private final int width;
  private final int height;
  private final long seed;
  private final ObserverGuard observers;
  private final Inspector inspector;

  private Multicomputer(Simulator sim, List<Node> nodes, int width, int height, long seed,
      ObserverGuard observers) {
    this.sim = sim;
    this.nodes = List.copyOf(nodes);
    this.width = width;
    this.height = height;
    this.seed = seed;
    this.observers = observers;
    this.inspector = new Inspector(sim, this.nodes, observers);
  }

  /** A builder with the defaults: SHRIMP-II, a 2×2 mesh, seed 0, default parameters. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of nodes. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Node {@code index} (x + y × width on the mesh). */
  public Node node(int index) {
    checkArgument(index >= 0 && index < nodes.size(),
        "node index %s is outside the %s nodes of the machine", index, nodes.size());
    return nodes.get(index);
  }

  /** All nodes, by id. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The network interface design every node has. */
  public NicDesign design() {
    return nodes.get(0).design();
  }

  /** The mesh width in nodes. */
  public int width() {
    return width;
  }

  /** The mesh height in nodes. */
  public int height() {
    return height;
  }

  /** The root seed of the simulation. */
  public long seed() {
    return seed;
  }

  /**
   * The read-only door for tests and tools: physical memory, translations, frames in use,
   * drop reports, exits, counters and the clock.
   */
  public Inspector inspector() {
    return inspector;
  }

  /**
   * Installs {@code tracer} to see every event the simulator dispatches (null removes it), each
   * with its stage and node. It runs inside the simulation and may only look, as an {@link
   * Inspector} observer.
   */
  public void trace(EventTracer tracer) {
    sim.setTracer(tracer == null ? null
        : record -> observers.run(() -> tracer.onEvent(record)));
  }

  /**
   * The simulator underneath, for this package's tests only: it schedules arbitrary actions
   * and spawns bare simulated processes, so it is no part of the public API.
   */
  Simulator simulator() {
    return sim;
  }

  /** Runs until every process has finished and nothing is left to happen. */
  public RunResult run() {
    return result(sim.run());
  }

  /** Runs until simulated time {@code time}. */
  public RunResult runUntil(SimTime time) {
    return result(sim.runUntil(time));
  }

  private RunResult result(RunSummary summary) {
    return new RunResult(summary.endTime(), summary.eventsDispatched(),
        sim.metrics().counterValues());
  }

  /** Ends every process still blocked; the machine cannot run again. */
  @Override
  public void close() {
    sim.close();
  }

  /** Chooses the design, the machine's size and parameters, and overrides. */
  public static final class Builder {
    private Module design;
    private int width = 2;
    private int height = 2;
    private long seed;
    private Duration hangGrace = Simulator.DEFAULT_HANG_GRACE;
    private NodeHardwareParameters hardware = NodeHardwareParameters.shrimp();
    private UnaryOperator<MeshParameters> mesh = UnaryOperator.identity();
    private ControlNetworkParameters control = ControlNetworkParameters.ethernet();
    private KernelParameters kernel = KernelParameters.DEFAULTS;
    private AutomaticUpdateParameters automaticUpdate = AutomaticUpdateParameters.DEFAULTS;
    private LibraryParameters library = LibraryParameters.DEFAULTS;
    private final Set<Ablation> ablations = new LinkedHashSet<>();
    private final List<Module> nodeOverrides = new ArrayList<>();
    private final List<Module> machineOverrides = new ArrayList<>();

    private Builder() {}

    /**
     * The network interface design: its Guice module, such as a design's own module class or
     * its {@link NicPlugin#module()}. There is no default: a machine's hardware is always
     * stated, so adding a jar to the class path never changes what a program simulates.
     */
    public Builder design(Module designModule) {
      this.design = requireNonNull(designModule, "designModule");
      return this;
    }

    /** A {@code width} × {@code height} mesh of nodes. */
    public Builder mesh(int width, int height) {
      checkArgument(width >= 1 && height >= 1, "mesh must be at least 1x1: %sx%s",
          width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /** The root seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How long (host time) a process may show no progress outside the simulator before the run
     * ends with a {@code ProcessHungException} naming it; default
     * {@link Simulator#DEFAULT_HANG_GRACE}. It only detects a hang and changes no result.
     */
    public Builder hangGrace(Duration grace) {
      requireNonNull(grace, "grace");
      checkArgument(grace.compareTo(Duration.ZERO) > 0, "hang grace must be positive: %s", grace);
      this.hangGrace = grace;
      return this;
    }

    /** The node hardware's parameters. */
    public Builder hardware(NodeHardwareParameters parameters) {
      this.hardware = requireNonNull(parameters, "parameters");
      return this;
    }

    /** Adjusts the mesh's parameters (its size comes from {@link #mesh(int, int)}). */
    public Builder meshParameters(UnaryOperator<MeshParameters> adjust) {
      this.mesh = requireNonNull(adjust, "adjust");
      return this;
    }

    /** The control network's parameters. */
    public Builder controlNetwork(ControlNetworkParameters parameters) {
      this.control = requireNonNull(parameters, "parameters");
      return this;
    }

    /** The kernel's parameters. */
    public Builder kernel(KernelParameters parameters) {
      this.kernel = requireNonNull(parameters, "parameters");
      return this;
    }

    /** The kernel's costs of automatic-update bindings. */
    public Builder automaticUpdate(AutomaticUpdateParameters parameters) {
      this.automaticUpdate = requireNonNull(parameters, "parameters");
      return this;
    }

    /** The user library's parameters. */
    public Builder library(LibraryParameters parameters) {
      this.library = requireNonNull(parameters, "parameters");
      return this;
    }

    /**
     * Puts back, on every node, a cost VMMC avoids (applying one twice changes nothing more);
     * {@link #build} refuses it with an {@link IllegalArgumentException} naming the ablation
     * and the design when the design lacks the feature it needs.
     */
    public Builder ablation(Ablation ablation) {
      ablations.add(requireNonNull(ablation, "ablation"));
      return this;
    }

    /** Bindings that replace any of a node's (its hardware, design, kernel), on every node. */
    public Builder overrideNodes(Module overrides) {
      nodeOverrides.add(requireNonNull(overrides, "overrides"));
      return this;
    }

    /** Bindings that replace the machine's shared ones (backplane, control network). */
    public Builder overrideMachine(Module overrides) {
      machineOverrides.add(requireNonNull(overrides, "overrides"));
      return this;
    }

    /** The names and classes of the design plug-ins {@link ServiceLoader} finds, for messages. */
    private static String discoveredDesigns() {
      List<String> found = new ArrayList<>();
      try {
        for (NicPlugin<?> p : ServiceLoader.load(NicPlugin.class,
            Multicomputer.class.getClassLoader())) {
          found.add(p.name() + " (" + p.getClass().getName() + ")");
        }
      } catch (ServiceConfigurationError e) {
        found.add("a plug-in that could not be loaded: " + e.getMessage());
      }
      return found.isEmpty() ? "none (no META-INF/services/" + NicPlugin.class.getName()
          + " entry)" : String.join(", ", found);
    }

    /** Assembles the machine. */
    public Multicomputer build() {
      if (design == null) {
        throw new IllegalStateException("no network interface design: call design(module)"
            + " before build(); the designs on the class path are " + discoveredDesigns()
            + ", each plug-in's module() giving its module at its defaults");
      }
      Simulator sim = new Simulator(seed);
      sim.setHangGrace(hangGrace);
      ObserverGuard observers = new ObserverGuard();
      MeshParameters meshParameters = mesh.apply(MeshParameters.paragon(width, height));
      checkArgument(meshParameters.width() == width && meshParameters.height() == height,
          "meshParameters changed the mesh size to %sx%s; set it with mesh(%s, %s)",
          meshParameters.width(), meshParameters.height(), width, height);
      Module machine = Modules.override(
          new AbstractModule() {
            @Override
            protected void configure() {
              bind(Simulator.class).toInstance(sim);
              bind(KernelDirectory.class);
              bind(KernelParameters.class).toInstance(kernel);
              bind(AutomaticUpdateParameters.class).toInstance(automaticUpdate);
            }
          },
          new MeshModule(meshParameters),
          new ControlNetworkModule(control)).with(machineOverrides);
      // Every component is bound on purpose: a class Guice would make up on the fly is a wiring
      // mistake, so the machine and its nodes refuse it.
      Injector root = Guice.createInjector(Stage.PRODUCTION, machine, new AbstractModule() {
        @Override
        protected void configure() {
          binder().requireExplicitBindings();
        }
      });
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < width * height; i++) {
        NodeId id = NodeId.of(i);
        List<Module> parts = new ArrayList<>(List.of(
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(NodeId.class).toInstance(id);
              }
            },
            new NodeHardwareModule(hardware),
            design,
            new KernelModule(),
            new LibraryModule()));
        ablations.forEach(a -> parts.add(a.module()));
        Module node = Modules.override(parts).with(nodeOverrides);
        nodes.add(new Node(id, createNodeInjector(root, node), library, observers));
      }
      return new Multicomputer(sim, nodes, width, height, seed, observers);
    }

    /** A node's injector; a component that refuses its configuration says why, unwrapped. */
    private static Injector createNodeInjector(Injector root, Module node) {
      try {
        return root.createChildInjector(node);
      } catch (CreationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof IllegalArgumentException refusal) {
            throw refusal;
          }
        }
        for (Message m : e.getErrorMessages()) {
          if (m.getCause() instanceof IllegalArgumentException refusal) {
            throw refusal;
          }
        }
        throw e;
      }
    }
  }
}
