package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.core.hw.CpuParameters;
import org.vmmc.core.hw.IoBusParameters;
import org.vmmc.core.hw.MemoryBusParameters;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareParameters;
import org.vmmc.kernel.AutomaticUpdateParameters;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.LibraryParameters;
import org.vmmc.userlib.Multicomputer;

/**
 * Everything that describes the simulated multicomputer of an experiment except its network
 * interface design: mesh shape, seed, and one parameter record per declared parameter set. Any
 * set may be held ({@link #with}), a design's as well ({@link Designs#parameterSets()}); a set
 * that is not held takes its declared defaults, so a design's parameters need no change here.
 *
 * @param width mesh width in nodes
 * @param height mesh height in nodes
 * @param seed the root seed of every simulation
 * @param sets the records that differ from their set's defaults, by set
 */
public record MachineConfig(int width, int height, long seed,
    Map<ParameterSet<?, ?>, Record> sets) {

  /** The node's processor. */
  public static final ParameterSet<CpuParameters, CpuParameters.Builder> CPU =
      CpuParameters.PARAMETERS;

  /** The Xpress memory bus. */
  public static final ParameterSet<MemoryBusParameters, MemoryBusParameters.Builder> XPRESS =
      MemoryBusParameters.PARAMETERS;

  /** The EISA I/O bus. */
  public static final ParameterSet<IoBusParameters, IoBusParameters.Builder> EISA =
      IoBusParameters.PARAMETERS;

  /**
   * The node's own hardware figures (its memory); its processor and buses are those of {@link
   * #CPU}, {@link #XPRESS} and {@link #EISA}, whatever this set's record holds.
   */
  public static final ParameterSet<NodeHardwareParameters, NodeHardwareParameters.Builder> NODE =
      NodeHardwareParameters.PARAMETERS;

  /** The mesh backplane's routers and links; its size is {@link #width} x {@link #height}. */
  public static final ParameterSet<MeshParameters, MeshParameters.Builder> MESH =
      MeshParameters.PARAMETERS;

  /** The Ethernet control network. */
  public static final ParameterSet<ControlNetworkParameters, ControlNetworkParameters.Builder>
      ETHERNET = ControlNetworkParameters.PARAMETERS;

  /** The node kernel. */
  public static final ParameterSet<KernelParameters, KernelParameters.Builder> KERNEL =
      KernelParameters.PARAMETERS;

  /** The kernel's automatic-update bindings. */
  public static final ParameterSet<AutomaticUpdateParameters, AutomaticUpdateParameters.Builder>
      AU = AutomaticUpdateParameters.PARAMETERS;

  /** The user library. */
  public static final ParameterSet<LibraryParameters, LibraryParameters.Builder> LIBRARY =
      LibraryParameters.PARAMETERS;

  /** Every set {@link #build} reads besides the design's, in the order reports list them. */
  public static final List<ParameterSet<?, ?>> COMPONENTS =
      List.of(CPU, XPRESS, EISA, NODE, MESH, ETHERNET, KERNEL, AU, LIBRARY);

  /**
   * The default mesh width: 4 nodes, as the 16-node SHRIMP machine that was built
   * (measurements run between neighbours 0 and 1).
   */
  public static final int DEFAULT_WIDTH = MeshParameters.DEFAULT_WIDTH;

  /** The default mesh height: 4 nodes. */
  public static final int DEFAULT_HEIGHT = MeshParameters.DEFAULT_HEIGHT;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Checks the shape and that each record belongs to its set, and keeps only the records that
   * differ from their defaults, so equal configurations are equal records.
   */
  public MachineConfig {
    checkArgument(width >= 1 && height >= 1, "mesh must be at least 1x1: %sx%s", width, height);
    checkArgument((long) width * height >= 2,
        "measurements need at least 2 nodes; the mesh is %sx%s", width, height);
    Map<ParameterSet<?, ?>, Record> kept = new HashMap<>();
    requireNonNull(sets, "sets").forEach((set, record) -> {
      checkArgument(set.type().isInstance(requireNonNull(record, "record")),
          "parameter set %s holds %s records, not %s", set, set.type().getSimpleName(),
          record.getClass().getSimpleName());
      if (!record.equals(set.defaults())) {
        kept.put(set, record);
      }
    });
    sets = Map.copyOf(kept);
  }

  /** The documented defaults of every set on the default mesh. */
  public static MachineConfig defaults() {
    return new MachineConfig(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_SEED, Map.of());
  }

  /** The record of {@code set}: the one held, or the set's defaults. */
  public <R extends Record> R get(ParameterSet<R, ?> set) {
    return set.type().cast(sets.getOrDefault(requireNonNull(set, "set"), set.defaults()));
  }

  /** This configuration with {@code value} as the record of {@code set}. */
  public <R extends Record> MachineConfig with(ParameterSet<R, ?> set, R value) {
    Map<ParameterSet<?, ?>, Record> changed = new HashMap<>(sets);
    changed.put(requireNonNull(set, "set"), requireNonNull(value, "value"));
    return new MachineConfig(width, height, seed, changed);
  }

  /** This configuration on a {@code width} x {@code height} mesh. */
  public MachineConfig withMesh(int width, int height) {
    return new MachineConfig(width, height, seed, sets);
  }

  /** This configuration with root seed {@code seed}. */
  public MachineConfig withSeed(long seed) {
    return new MachineConfig(width, height, seed, sets);
  }

  /** The node hardware: the {@link #NODE} figures with the {@link #CPU}, bus and I/O sets. */
  public NodeHardwareParameters hardware() {
    return get(NODE).toBuilder().cpu(get(CPU)).memoryBus(get(XPRESS)).ioBus(get(EISA)).build();
  }

  /** A fresh machine with the network interface design {@code designModule}. */
  public Multicomputer build(Module designModule) {
    MeshParameters mesh = get(MESH);
    return Multicomputer.builder()
        .design(designModule)
        .mesh(width, height)
        .seed(seed)
        .hardware(hardware())
        .meshParameters(m -> mesh.toBuilder().size(m.width(), m.height()).build())
        .controlNetwork(get(ETHERNET))
        .kernel(get(KERNEL))
        .automaticUpdate(get(AU))
        .library(get(LIBRARY))
        .build();
  }
}
