package org.vmmc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.vmmc.bench.compare.RunSettings;

/**
 * Reads message sizes from the command line: a comma-separated list of sizes ({@code 4},
 * {@code 4K}, {@code 64KB}) and power-of-two ranges ({@code 4..64K}).
 */
final class Sizes {
  private Sizes() {}

  /** The sizes {@code text} names, sorted, each once; a clear error if it names none. */
  static List<Integer> parse(String text) {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int dots = p.indexOf("..");
      if (dots >= 0) {
        int from = bytes(p.substring(0, dots), text);
        int to = bytes(p.substring(dots + 2), text);
        if (Integer.bitCount(from) != 1 || from > to) {
          throw new IllegalArgumentException("bad --sizes '" + text + "': a range a..b needs a"
              + " power of two a no larger than b");
        }
        sizes.addAll(RunSettings.powersOfTwo(Math.max(4, from), to));
      } else {
        sizes.add(bytes(p, text));
      }
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("bad --sizes '" + text + "': no size given");
    }
    for (int s : sizes) {
      try {
        RunSettings.checkMessageSize(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad --sizes '" + text + "': " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(sizes);
  }

  private static int bytes(String token, String text) {
    String t = token.strip().toUpperCase(Locale.ROOT);
    long scale = 1;
    if (t.endsWith("KB") || t.endsWith("K")) {
      scale = 1024;
      t = t.substring(0, t.indexOf('K'));
    } else if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long value = Long.parseLong(t.strip()) * scale;
      if (value <= 0 || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad --sizes '" + text + "': '" + token.strip()
          + "' is not a size such as 64, 4K or 4..64K", e);
    }
  }
}
