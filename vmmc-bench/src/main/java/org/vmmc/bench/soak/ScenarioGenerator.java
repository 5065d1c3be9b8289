package org.vmmc.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.core.SimDuration;

/**
 * Derives sequence {@code index} of seed {@code seed}: its design (among the designs given), machine, scheduler quantum
 * and every process's steps. Quanta go down to a few microseconds so that context switches
 * fall between the two references of a user-level DMA and inside teardown.
 */
final class ScenarioGenerator {
  /** Mesh shapes: 2 to 4 nodes. */
  private static final int[][] MESHES = {{2, 1}, {2, 1}, {3, 1}, {2, 2}};
  /** Scheduler quanta, from a few microseconds to the default. */
  private static final SimDuration[] QUANTA = {
      SimDuration.ofMicros(3), SimDuration.ofMicros(7), SimDuration.ofMicros(20),
      SimDuration.ofMicros(100), SimDuration.ofMillis(200)};

  private ScenarioGenerator() {}

  /**
   * The design of sequence {@code index} of {@code seed} among {@code designs}, without
   * building the rest; the same designs in the same order give the same choice.
   */
  static SoakDesign designOf(List<SoakDesign> designs, long seed, long index) {
    return designs.get((int) Math.floorMod(mix(seed, index) >>> 7, (long) designs.size()));
  }

  /** Sequence {@code index} of {@code seed} with its design chosen among {@code designs}. */
  static Scenario generate(List<SoakDesign> designs, long seed, long index) {
    SplittableRandom rng = new SplittableRandom(mix(seed, index));
    SoakDesign design = designOf(designs, seed, index);
    int[] mesh = MESHES[rng.nextInt(MESHES.length)];
    int perNode = 2 + rng.nextInt(2);
    SimDuration quantum = QUANTA[rng.nextInt(QUANTA.length)];
    int processes = mesh[0] * mesh[1] * perNode;
    boolean automaticUpdate = design.automaticUpdate();
    List<List<Op>> programs = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      programs.add(program(rng, automaticUpdate));
    }
    return new Scenario(seed, index, design, mesh[0], mesh[1], perNode, quantum, programs);
  }

  private static List<Op> program(SplittableRandom rng, boolean automaticUpdate) {
    List<Op> ops = new ArrayList<>();
    // Most processes export and import first, so that there is traffic to tear down.
    ops.add(op(rng, Code.EXPORT));
    ops.add(op(rng, Code.IMPORT));
    int n = 4 + rng.nextInt(16);
    for (int i = 0; i < n; i++) {
      ops.add(op(rng, pick(rng, automaticUpdate)));
    }
    if (rng.nextInt(3) == 0) {
      ops.add(op(rng, Code.FINAL_BURST));
    }
    return ops;
  }

  private static Code pick(SplittableRandom rng, boolean automaticUpdate) {
    int r = rng.nextInt(100);
    if (automaticUpdate && r < 18) {
      return r < 4 ? Code.BIND : r < 14 ? Code.AU_STORE : r < 16 ? Code.UNBIND : Code.AU_CHURN;
    }
    r = rng.nextInt(100);
    if (r < 10) {
      return Code.EXPORT;
    } else if (r < 22) {
      return Code.IMPORT;
    } else if (r < 25) {
      return Code.AWAIT;
    } else if (r < 45) {
      return Code.SEND;
    } else if (r < 51) {
      return Code.UNEXPORT;
    } else if (r < 56) {
      return Code.UNIMPORT;
    } else if (r < 59) {
      return Code.FREE;
    } else if (r < 62) {
      return Code.ALLOC;
    } else if (r < 67) {
      return Code.COMPUTE;
    } else if (r < 72) {
      return Code.SLEEP;
    } else if (r < 74) {
      return Code.IMPORTERS;
    } else if (r < 76) {
      return Code.BLOCK;
    } else if (r < 78) {
      return Code.EXIT;
    } else if (r < 84) {
      return Code.RAW_PAIR;
    } else if (r < 87) {
      return Code.RAW_STORE;
    } else if (r < 89) {
      return Code.RAW_LOAD;
    } else if (r < 92) {
      return Code.SEND_OUT_OF_BOUNDS;
    } else if (r < 96) {
      return Code.STALE_CALL;
    } else if (r < 98) {
      return Code.BAD_ARGUMENT;
    }
    return Code.FREE_MISUSE;
  }

  private static Op op(SplittableRandom rng, Code code) {
    return new Op(code, rng.nextInt(1 << 30), rng.nextInt(1 << 30), rng.nextInt(1 << 30),
        rng.nextInt(1 << 30));
  }

  /** A well-spread 64-bit value from the seed and the index (SplitMix64's finaliser). */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
