package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableClassToInstanceMap;
import com.google.inject.Module;
import java.util.function.UnaryOperator;
import org.vmmc.core.hw.ControlNetworkParameters;
import org.vmmc.hardware.conventional.ConventionalParameters;
import org.vmmc.hardware.mesh.MeshParameters;
import org.vmmc.hardware.node.NodeHardwareParameters;
import org.vmmc.hardware.shrimp1.Shrimp1Parameters;
import org.vmmc.hardware.shrimp2.Shrimp2Parameters;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.LibraryParameters;
import org.vmmc.userlib.Multicomputer;

/**
 * Everything that describes the simulated multicomputer of an experiment except its network
 * interface design: mesh shape, seed, and the parameters of every layer. Design-specific
 * parameters are kept by type ({@link #part}), so a new design adds its parameters without a
 * change here.
 *
 * @param width mesh width in nodes
 * @param height mesh height in nodes
 * @param seed the root seed of every simulation
 * @param hardware the node hardware's parameters (CPU, memory bus, EISA bus)
 * @param mesh the mesh's parameters; its size is replaced by {@code width} x {@code height}
 * @param control the Ethernet control network's parameters
 * @param kernel the node kernel's parameters
 * @param library the user library's parameters
 * @param parts design-specific parameter records, by type; absent ones take their defaults
 */
public record MachineConfig(
    int width,
    int height,
    long seed,
    NodeHardwareParameters hardware,
    MeshParameters mesh,
    ControlNetworkParameters control,
    KernelParameters kernel,
    LibraryParameters library,
    ImmutableClassToInstanceMap<Record> parts) {

  /** A design-specific parameter record type and its defaults. */
  public record Part<T extends Record>(Class<T> type, T defaults) {
    /** Checks the pair. */
    public Part {
      requireNonNull(type, "type");
      requireNonNull(defaults, "defaults");
    }
  }

  /** The SHRIMP-I network interface's parameters. */
  public static final Part<Shrimp1Parameters> SHRIMP1 =
      new Part<>(Shrimp1Parameters.class, Shrimp1Parameters.DEFAULTS);

  /** The SHRIMP-II network interface's parameters. */
  public static final Part<Shrimp2Parameters> SHRIMP2 =
      new Part<>(Shrimp2Parameters.class, Shrimp2Parameters.DEFAULTS);

  /** The conventional kernel-mediated interface's parameters (Paragon NX on a SHRIMP node). */
  public static final Part<ConventionalParameters> CONVENTIONAL =
      new Part<>(ConventionalParameters.class, ConventionalParameters.PARAGON_NX);

  /**
   * The default mesh width: 4 nodes, as the 16-node SHRIMP machine that was built
   * (measurements run between neighbours 0 and 1).
   */
  public static final int DEFAULT_WIDTH = 4;

  /** The default mesh height: 4 nodes. */
  public static final int DEFAULT_HEIGHT = 4;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /** Checks the shape and that nothing is missing. */
  public MachineConfig {
    checkArgument(width >= 1 && height >= 1, "mesh must be at least 1x1: %sx%s", width, height);
    checkArgument((long) width * height >= 2,
        "measurements need at least 2 nodes; the mesh is %sx%s", width, height);
    requireNonNull(hardware, "hardware");
    requireNonNull(mesh, "mesh");
    requireNonNull(control, "control");
    requireNonNull(kernel, "kernel");
    requireNonNull(library, "library");
    requireNonNull(parts, "parts");
  }

  /** The documented defaults of every layer on the default mesh. */
  public static MachineConfig defaults() {
    return new MachineConfig(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_SEED,
        NodeHardwareParameters.shrimp(), MeshParameters.PARAGON,
        ControlNetworkParameters.ethernet(), KernelParameters.DEFAULTS,
        LibraryParameters.DEFAULTS, ImmutableClassToInstanceMap.of());
  }

  /** The parameters of {@code part}: the ones set, or its defaults. */
  public <T extends Record> T part(Part<T> part) {
    T value = parts.getInstance(part.type());
    return value == null ? part.defaults() : value;
  }

  /**
   * This configuration with {@code value} as the parameters of {@code part} (kept only when
   * they differ from its defaults, so equal configurations are equal records).
   */
  public <T extends Record> MachineConfig withPart(Part<T> part, T value) {
    ImmutableClassToInstanceMap.Builder<Record> b = ImmutableClassToInstanceMap.builder();
    parts.forEach((type, instance) -> {
      if (type != part.type()) {
        b.put(type.asSubclass(Record.class), instance);
      }
    });
    if (!requireNonNull(value, "value").equals(part.defaults())) {
      b.put(part.type(), value);
    }
    return new MachineConfig(width, height, seed, hardware, mesh, control, kernel, library,
        b.build());
  }

  /** This configuration on a {@code width} x {@code height} mesh. */
  public MachineConfig withMesh(int width, int height) {
    return new MachineConfig(width, height, seed, hardware, mesh, control, kernel, library,
        parts);
  }

  /** This configuration with root seed {@code seed}. */
  public MachineConfig withSeed(long seed) {
    return new MachineConfig(width, height, seed, hardware, mesh, control, kernel, library,
        parts);
  }

  /** This configuration with {@code value} as the node hardware's parameters. */
  public MachineConfig withHardware(NodeHardwareParameters value) {
    return new MachineConfig(width, height, seed, value, mesh, control, kernel, library, parts);
  }

  /** This configuration with {@code value} as the mesh's parameters. */
  public MachineConfig withMeshParameters(MeshParameters value) {
    return new MachineConfig(width, height, seed, hardware, value, control, kernel, library,
        parts);
  }

  /** This configuration with {@code value} as the control network's parameters. */
  public MachineConfig withControl(ControlNetworkParameters value) {
    return new MachineConfig(width, height, seed, hardware, mesh, value, kernel, library, parts);
  }

  /** This configuration with {@code value} as the kernel's parameters. */
  public MachineConfig withKernel(KernelParameters value) {
    return new MachineConfig(width, height, seed, hardware, mesh, control, value, library, parts);
  }

  /** This configuration with {@code value} as the user library's parameters. */
  public MachineConfig withLibrary(LibraryParameters value) {
    return new MachineConfig(width, height, seed, hardware, mesh, control, kernel, value, parts);
  }

  /** A fresh machine with the network interface design {@code designModule}. */
  public Multicomputer build(Module designModule) {
    UnaryOperator<MeshParameters> sized = m -> mesh.toBuilder().size(m.width(), m.height())
        .build();
    return Multicomputer.builder()
        .design(designModule)
        .mesh(width, height)
        .seed(seed)
        .hardware(hardware)
        .meshParameters(sized)
        .controlNetwork(control)
        .kernel(kernel)
        .library(library)
        .build();
  }
}
