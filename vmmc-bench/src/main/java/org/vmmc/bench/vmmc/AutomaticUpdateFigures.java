package org.vmmc.bench.vmmc;

import org.vmmc.bench.compare.Designs;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.userlib.Multicomputer;

/**
 * Prints automatic-update latency per combining mode and bandwidth with the default parameters
 * of every design that has automatic update (SHRIMP-II), between neighbouring nodes 0 and 1 (the calibration figure is the one-word
 * latency under the default TIMER_WRITE; see {@link Measurements}).
 */
public final class AutomaticUpdateFigures {
  private AutomaticUpdateFigures() {}

  /** Runs the measurements. */
  public static void main(String[] args) {
    for (NicPlugin<?> design : Designs.onClassPath().plugins()) {
      if (design.features().contains(NicFeature.AUTOMATIC_UPDATE)) {
        System.out.println(design.label() + ":");
        print(new Measurements(() -> Multicomputer.builder().design(design.module())
            .mesh(2, 1).seed(1).build()));
      }
    }
  }

  private static void print(Measurements m) {
    CombiningMode[] modes = {CombiningMode.SINGLE_WRITE, CombiningMode.TIMER_WRITE};
    for (int bytes : new int[] {4, 64, 1024, 4096}) {
      StringBuilder line = new StringBuilder(String.format("AU %6d B latency:", bytes));
      for (CombiningMode mode : modes) {
        line.append(String.format("  %s %s", mode,
            m.automaticUpdateLatency(bytes, mode, 2, 10)));
      }
      System.out.println(line);
    }
    for (int bytes : new int[] {64, 4096}) {
      System.out.printf("AU %6d B bandwidth: TIMER_WRITE %6.2f MB/s%n", bytes,
          m.automaticUpdateBandwidth(bytes, Math.max(4, 262144 / bytes),
              CombiningMode.TIMER_WRITE));
    }
  }
}
