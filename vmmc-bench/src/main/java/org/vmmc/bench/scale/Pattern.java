package org.vmmc.bench.scale;

import java.util.SplittableRandom;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.VmmcException;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * A traffic pattern of the scale experiment: the programs it spawns on every node and how many
 * messages a run of some rounds moves. Every message ends in a flag word holding its round
 * number, which the receiver polls; receivers wait for "at least this round", so a sender that
 * runs ahead never leaves a receiver waiting for a value already overwritten.
 */
enum Pattern {
  /** Nodes 0 and 1 take turns, one message each way per round, by deliberate update. */
  PING_PONG {
    @Override
    long messages(int nodes, int rounds) {
      return 2L * rounds;
    }

    @Override
    void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window) {
      VmmcProcess[] procs = new VmmcProcess[2];
      for (int i = 0; i < 2; i++) {
        int self = i;
        procs[i] = mc.node(i).spawn("pingpong-" + i, p -> {
          UserMemory inbox = pages(p, bytes);
          UserMemory outbox = pages(p, bytes);
          p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
          ImportedBuffer peer = importWhenReady(p, procs[1 - self]);
          window.ready();
          for (int r = 1; r <= rounds; r++) {
            if (self == 1) {
              awaitRound(p, inbox, bytes - 4, r);
            }
            send(p, outbox, peer, 0, bytes, r);
            if (self == 0) {
              awaitRound(p, inbox, bytes - 4, r);
            }
          }
          window.finished();
        });
      }
    }
  },

  /** Every process sends one message to every other in each round, then waits for theirs. */
  ALL_TO_ALL {
    @Override
    long messages(int nodes, int rounds) {
      return (long) nodes * (nodes - 1) * rounds;
    }

    @Override
    void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window) {
      int n = mc.nodeCount();
      VmmcProcess[] procs = new VmmcProcess[n];
      for (int i = 0; i < n; i++) {
        int self = i;
        procs[i] = mc.node(i).spawn("alltoall-" + i, p -> {
          // One slot per sender, so messages of one round never overlap.
          UserMemory inbox = pages(p, bytes * n);
          UserMemory outbox = pages(p, bytes);
          p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
          ImportedBuffer[] peers = new ImportedBuffer[n];
          for (int j = 0; j < n; j++) {
            if (j != self) {
              peers[j] = importWhenReady(p, procs[j]);
            }
          }
          window.ready();
          for (int r = 1; r <= rounds; r++) {
            for (int k = 1; k < n; k++) {
              int j = (self + k) % n;
              send(p, outbox, peers[j], bytes * self, bytes, r);
            }
            for (int j = 0; j < n; j++) {
              if (j != self) {
                awaitRound(p, inbox, bytes * j + bytes - 4, r);
              }
            }
          }
          window.finished();
        });
      }
    }
  },

  /** Process i sends to process i + 1 (mod n) in each round and waits for i - 1's message. */
  RING {
    @Override
    long messages(int nodes, int rounds) {
      return (long) nodes * rounds;
    }

    @Override
    void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window) {
      int n = mc.nodeCount();
      int[] next = new int[n];
      for (int i = 0; i < n; i++) {
        next[i] = (i + 1) % n;
      }
      exchange(mc, "ring-", next, bytes, rounds, window);
    }
  },

  /**
   * A random permutation with no fixed point, drawn once from the seed: process i sends to
   * process perm(i) in each round and waits for the message of the process that sends to it.
   */
  PERMUTATION {
    @Override
    long messages(int nodes, int rounds) {
      return (long) nodes * rounds;
    }

    @Override
    void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window) {
      exchange(mc, "permutation-", derangement(mc.nodeCount(), seed), bytes, rounds, window);
    }
  },

  /**
   * Node 0 binds a page to node 1's inbox by automatic update and stores the round number into
   * it once per round (each store a message, {@link CombiningMode#TIMER_WRITE}); node 1 waits
   * for the last one.
   */
  AUTOMATIC_UPDATE_STORES {
    @Override
    long messages(int nodes, int rounds) {
      return rounds;
    }

    @Override
    void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window) {
      VmmcProcess[] procs = new VmmcProcess[2];
      procs[1] = mc.node(1).spawn("au-sink", p -> {
        UserMemory inbox = pages(p, bytes);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        window.ready();
        awaitRound(p, inbox, bytes - 4, rounds);
        window.finished();
      });
      procs[0] = mc.node(0).spawn("au-source", p -> {
        UserMemory outbox = pages(p, bytes);
        ImportedBuffer there = importWhenReady(p, procs[1]);
        p.vmmc().bindAutomaticUpdate(outbox, there, 0, CombiningMode.TIMER_WRITE, false);
        window.ready();
        for (int r = 1; r <= rounds; r++) {
          outbox.putInt(bytes - 4, r);
        }
        window.finished();
      });
    }
  };

  private static final BufferId INBOX = BufferId.of(1);
  /** Bytes per page: every buffer is allocated in whole pages. */
  private static final int PAGE_BYTES = 4096;

  /** The processes the pattern spawns on a machine of {@code nodes} nodes. */
  int processes(int nodes) {
    return this == PING_PONG || this == AUTOMATIC_UPDATE_STORES ? 2 : nodes;
  }

  /** The messages a run of {@code rounds} rounds on {@code nodes} nodes moves. */
  abstract long messages(int nodes, int rounds);

  /**
   * Spawns the pattern's processes on {@code mc}: {@code bytes}-byte messages for {@code
   * rounds} rounds, random choices drawn from {@code seed}; each process tells {@code window}
   * when its setup is done and when its last round is.
   */
  abstract void spawn(Multicomputer mc, int bytes, int rounds, long seed, Window window);

  /** One process per node; process i sends to {@code to[i]}, every node receiving one. */
  private static void exchange(Multicomputer mc, String name, int[] to, int bytes, int rounds,
      Window window) {
    int n = mc.nodeCount();
    VmmcProcess[] procs = new VmmcProcess[n];
    for (int i = 0; i < n; i++) {
      int self = i;
      procs[i] = mc.node(i).spawn(name + i, p -> {
        UserMemory inbox = pages(p, bytes);
        UserMemory outbox = pages(p, bytes);
        p.vmmc().export(inbox, INBOX, ImportPolicy.anyone());
        ImportedBuffer peer = importWhenReady(p, procs[to[self]]);
        window.ready();
        for (int r = 1; r <= rounds; r++) {
          send(p, outbox, peer, 0, bytes, r);
          awaitRound(p, inbox, bytes - 4, r);
        }
        window.finished();
      });
    }
  }

  /** A permutation of 0..n-1 with no fixed point (Sattolo's algorithm: one n-cycle). */
  static int[] derangement(int n, long seed) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /** Message {@code round}: its flag word last, then one deliberate-update send. */
  private static void send(VmmcProcess p, UserMemory outbox, ImportedBuffer to, int offset,
      int bytes, int round) {
    outbox.putInt(bytes - 4, round);
    p.vmmc().send(outbox, 0, to, offset, bytes);
  }

  private static void awaitRound(VmmcProcess p, UserMemory inbox, int offset, int round) {
    p.awaitWord(inbox, offset, word -> word >= round);
  }

  private static UserMemory pages(VmmcProcess p, int bytes) {
    return p.allocate((bytes + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES);
  }

  /** Imports {@code peer}'s inbox, retrying until the peer has exported it. */
  private static ImportedBuffer importWhenReady(VmmcProcess p, VmmcProcess peer) {
    while (true) {
      try {
        return p.vmmc().importBuffer(peer.id(), INBOX);
      } catch (VmmcException e) {
        if (e.reason() != VmmcException.Reason.NO_SUCH_EXPORT) {
          throw e;
        }
        p.sleep(SimDuration.ofMicros(100));
      }
    }
  }
}
