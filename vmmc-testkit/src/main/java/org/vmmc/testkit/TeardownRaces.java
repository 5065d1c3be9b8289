package org.vmmc.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.userlib.AutomaticUpdateBinding;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A seeded random program per node that sets up and tears down as fast as it can: imports,
 * sends with and without notification, unimports, unexports and re-exports, automatic-update
 * bindings closed or left to the import's end, local work that runs the clock ahead (so a
 * revocation or a notification lands in the middle of the next kernel call), and a handler
 * that undoes imports under the main thread's feet. Only refusals ({@link VmmcException}) are
 * expected; anything else ends the run.
 */
final class TeardownRaces {
  private static final int PAGE = 4096;
  private static final int MAX_OPERATIONS = 80;
  private static final int RACERS_PER_NODE = 2;

  private TeardownRaces() {}

  /** Spawns two racing processes on every node of {@code mc}. */
  static void spawn(Multicomputer mc, long seed) {
    int n = mc.nodeCount() * RACERS_PER_NODE;
    VmmcProcess[] all = new VmmcProcess[n];
    for (int i = 0; i < n; i++) {
      int self = i;
      all[i] = mc.node(i / RACERS_PER_NODE).spawn("racer" + i, p -> run(p, all, self, seed));
    }
  }

  private static void run(VmmcProcess p, VmmcProcess[] all, int self, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000 + self);
    SplittableRandom handlerRnd = rnd.split();
    List<ImportedBuffer> imports = new ArrayList<>();
    List<AutomaticUpdateBinding> bindings = new ArrayList<>();
    List<ExportedBuffer> exports = new ArrayList<>();
    boolean au = p.vmmc().design().has(NicFeature.AUTOMATIC_UPDATE);
    for (int b = 1; b <= 2; b++) {
      UserMemory m = p.allocate(2 * PAGE);
      exports.add(p.vmmc().export(m, BufferId.of(b), ImportPolicy.anyone(), note -> {
        if (!imports.isEmpty() && handlerRnd.nextBoolean()) {
          p.vmmc().unimport(imports.get(handlerRnd.nextInt(imports.size())));
        }
      }));
    }
    UserMemory src = p.allocate(PAGE);
    // Some exit early, while others still import from them and send to them.
    int operations = 1 + rnd.nextInt(MAX_OPERATIONS);
    for (int op = 0; op < operations; op++) {
      try {
        step(p, rnd, all, self, imports, bindings, exports, src, au);
      } catch (VmmcException refused) {
        // A refusal is an answer: the buffer was revoked, not exported yet, and so on.
      }
    }
    // Running ahead before the exit lets revocations and notifications land inside it.
    p.compute(rnd.nextInt(100_000));
  }

  private static void step(VmmcProcess p, SplittableRandom rnd, VmmcProcess[] all, int self,
      List<ImportedBuffer> imports, List<AutomaticUpdateBinding> bindings,
      List<ExportedBuffer> exports, UserMemory src, boolean au) {
    ImportedBuffer someImport = imports.isEmpty() ? null
        : imports.get(rnd.nextInt(imports.size()));
    switch (rnd.nextInt(11)) {
      case 0, 1 -> {
        int peer = (self + 1 + rnd.nextInt(all.length - 1)) % all.length;
        imports.add(p.vmmc().importBuffer(all[peer].id(), BufferId.of(1 + rnd.nextInt(2))));
      }
      case 2 -> {
        if (someImport != null) {
          p.vmmc().send(src, 0, someImport, 0, 4 * (1 + rnd.nextInt(PAGE / 4)));
        }
      }
      case 3 -> {
        if (someImport != null) {
          p.vmmc().sendWithNotify(src, 0, someImport, 4 * rnd.nextInt(16), 4);
        }
      }
      case 4 -> {
        if (someImport != null) {
          p.vmmc().unimport(someImport);
        }
      }
      case 5 -> {
        int i = rnd.nextInt(exports.size());
        ExportedBuffer old = exports.get(i);
        p.vmmc().unexport(old);
        exports.set(i, p.vmmc().export(old.memory(), old.id(), ImportPolicy.anyone()));
      }
      case 6 -> {
        if (au && someImport != null && !someImport.isRevoked()) {
          UserMemory local = p.allocate(PAGE * (1 + rnd.nextInt(2)));
          AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(local, someImport, 0,
              rnd.nextBoolean() ? CombiningMode.SINGLE_WRITE : CombiningMode.TIMER_WRITE,
              rnd.nextBoolean());
          bindings.add(b);
          local.putInt(local.length() - 4, 1);
        }
      }
      case 7 -> {
        if (!bindings.isEmpty()) {
          p.compute(rnd.nextInt(100_000));
          bindings.remove(rnd.nextInt(bindings.size())).close();
        }
      }
      case 8, 9 -> p.compute(rnd.nextInt(100_000));
      default -> p.sleep(SimDuration.ofMicros(rnd.nextInt(500)));
    }
  }
}
