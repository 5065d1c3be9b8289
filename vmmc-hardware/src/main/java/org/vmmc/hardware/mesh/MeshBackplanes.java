package org.vmmc.hardware.mesh;

import org.vmmc.core.net.Backplane;
import org.vmmc.core.sim.Simulator;

/** Creates mesh backplanes outside Guice (inside it, install {@link MeshModule}). */
public final class MeshBackplanes {
  private MeshBackplanes() {}

  /** A mesh backplane shaped by {@code parameters}, clocked by {@code simulator}'s events. */
  public static Backplane create(Simulator simulator, MeshParameters parameters) {
    return new MeshBackplane(simulator, parameters);
  }
}
