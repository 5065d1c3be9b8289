package org.vmmc.bench.vmmc;

import org.vmmc.bench.compare.Designs;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.userlib.Multicomputer;

/** Prints every design's deliberate-update latency and bandwidth with the default parameters. */
public final class QuickFigures {
  private QuickFigures() {}

  /** Runs the measurements. */
  public static void main(String[] args) {
    for (NicPlugin<?> design : Designs.onClassPath().plugins()) {
      Measurements m = new Measurements(() -> Multicomputer.builder().design(design.module())
          .mesh(2, 1).seed(1).build());
      for (int bytes : new int[] {4, 64, 1024, 4096, 65536}) {
        System.out.printf("%s DU %6d B: latency %10s  bandwidth %6.2f MB/s%n", design.label(),
            bytes, m.latency(bytes, 2, 10), m.bandwidth(bytes, Math.max(4, 262144 / bytes)));
      }
    }
  }
}
