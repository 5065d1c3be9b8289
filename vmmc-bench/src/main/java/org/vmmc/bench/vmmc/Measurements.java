package org.vmmc.bench.vmmc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.sim.TraceRecord;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.Inspector;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * The two basic measurements of the papers, between neighbouring nodes 0 and 1 of a machine:
 * one-way latency as half a ping-pong round trip, and sustained one-way bandwidth with as many
 * messages in flight as the design allows. Each comes for deliberate update (an explicit send)
 * and for automatic update (stores into a page bound to the peer's buffer).
 *
 * <p>Every message ends in a flag word (its round number) that the receiver polls with
 * {@code awaitWord}; the message's data lies before it, so the flag arrives last.
 *
 * <p>Calibration: on default SHRIMP-II parameters the one-word automatic-update latency under
 * the default {@code TIMER_WRITE} is 4.817 µs, against the published 4.8 µs (IPPS'96); the
 * stage-by-stage breakdown is in that design's package documentation.
 * {@link AutomaticUpdateFigures} prints it.
 */
public final class Measurements {
  private static final BufferId PING = BufferId.of(1);
  private static final BufferId PONG = BufferId.of(2);
  /** Bytes per page: every buffer is allocated in whole pages. */
  private static final int PAGE_BYTES = 4096;
  /** A traced message's reply, in bytes: its flag word alone. */
  private static final int FLAG_REPLY_BYTES = 4;

  private final Supplier<Multicomputer> machines;

  /** Measurements on fresh machines from {@code machines} (one per measurement). */
  public Measurements(Supplier<Multicomputer> machines) {
    this.machines = machines;
  }

  /**
   * One-way latency of a {@code bytes}-byte deliberate-update message: the mean of half the
   * round trips of {@code rounds} ping-pongs after {@code warmup} unmeasured ones.
   */
  public SimDuration latency(int bytes, int warmup, int rounds) {
    checkLatency(bytes, warmup, rounds);
    return pingPongLatency(bytes, MessageSender.DELIBERATE_UPDATE, warmup, rounds);
  }

  /**
   * Sustained bandwidth of {@code count} back-to-back {@code bytes}-byte deliberate-update
   * messages, in MB/s (10^6 bytes per second): bytes sent over the time from the first send
   * to the receiver seeing the last message.
   */
  public double bandwidth(int bytes, int count) {
    checkBandwidth(bytes, count);
    return streamBandwidth(bytes, count, MessageSender.DELIBERATE_UPDATE);
  }

  /**
   * One {@code bytes}-byte message from node 0 to node 1, sent by {@code sender} after
   * {@code warmup} unmeasured ping-pong rounds, with the simulator's event trace and the
   * counters over the message's flight: the raw material of a latency breakdown. The reply
   * goes back by deliberate update.
   */
  public OneWay traceOneWay(int bytes, int warmup, MessageSender sender) {
    checkMessageSize(bytes);
    checkArgument(warmup >= 0, "warmup must not be negative: %s", warmup);
    int measured = warmup + 1;
    SimTime[] stamps = new SimTime[3];
    long[] systemCalls = new long[1];
    List<TraceRecord> events = new ArrayList<>();
    List<SortedMap<String, Long>> snapshots = new ArrayList<>();
    try (Multicomputer mc = machines.get()) {
      Inspector inspector = mc.inspector();
      PingPong exchange = new PingPong("sender", "receiver", bytes, sender,
          FLAG_REPLY_BYTES, MessageSender.DELIBERATE_UPDATE);
      VmmcProcess[] procs = exchange.run(mc, measured, new Timing() {
        @Override
        public void beforeSend(VmmcProcess p, int round) {
          if (round == measured) {
            snapshots.add(inspector.counters());
            mc.trace(events::add);
            systemCalls[0] = p.systemCalls();
            stamps[0] = p.now();
          }
        }

        @Override
        public void afterSend(VmmcProcess p, int round) {
          if (round == measured) {
            stamps[1] = p.now();
            systemCalls[0] = p.systemCalls() - systemCalls[0];
          }
        }

        @Override
        public void arrived(VmmcProcess p, int round) {
          if (round == measured) {
            stamps[2] = p.now();
            mc.trace(null);
            snapshots.add(inspector.counters());
          }
        }
      });
      List<TraceRecord> window = new ArrayList<>();
      for (TraceRecord e : events) {
        if (e.picos() >= stamps[0].picos() && e.picos() <= stamps[2].picos()) {
          window.add(e);
        }
      }
      return new OneWay(bytes, procs[0].node(), procs[1].node(), procs[0].name(),
          procs[1].name(), stamps[0], stamps[1], stamps[2], systemCalls[0], window,
          growth(snapshots.get(0), snapshots.get(1)));
    }
  }

  private static SortedMap<String, Long> growth(SortedMap<String, Long> before,
      SortedMap<String, Long> after) {
    SortedMap<String, Long> grown = new TreeMap<>();
    after.forEach((name, value) -> {
      long delta = value - before.getOrDefault(name, 0L);
      if (delta != 0) {
        grown.put(name, delta);
      }
    });
    return grown;
  }

  /**
   * One-way latency of a {@code bytes}-byte automatic-update message combined as {@code mode}
   * says: the mean of half the round trips of {@code rounds} ping-pongs after {@code warmup}
   * unmeasured ones. Each side has bound an outbox page to the other's inbox and sends by
   * storing the message into its outbox, the flag word last; the other polls the flag.
   */
  public SimDuration automaticUpdateLatency(int bytes, CombiningMode mode, int warmup,
      int rounds) {
    checkLatency(bytes, warmup, rounds);
    requireSelfFlushing(mode);
    return pingPongLatency(bytes, MessageSender.automaticUpdate(mode), warmup, rounds);
  }

  /**
   * Sustained bandwidth of {@code count} back-to-back {@code bytes}-byte automatic-update
   * messages combined as {@code mode} says, in MB/s (10^6 bytes per second): each message is
   * stored into the same bound region, its flag word last; the time runs from the first store
   * to the receiver seeing the last flag.
   */
  public double automaticUpdateBandwidth(int bytes, int count, CombiningMode mode) {
    checkBandwidth(bytes, count);
    requireSelfFlushing(mode);
    return streamBandwidth(bytes, count, MessageSender.automaticUpdate(mode));
  }

  /** Half the mean round trip of {@code rounds} ping-pongs after {@code warmup} unmeasured. */
  private SimDuration pingPongLatency(int bytes, MessageSender sender, int warmup, int rounds) {
    SimTime[] window = new SimTime[2];
    try (Multicomputer mc = machines.get()) {
      new PingPong("ping", "pong", bytes, sender, bytes, sender).run(mc, warmup + rounds,
          new Timing() {
            @Override
            public void beforeSend(VmmcProcess p, int round) {
              if (round == warmup + 1) {
                window[0] = p.now();
              }
            }

            @Override
            public void replied(VmmcProcess p, int round) {
              if (round == warmup + rounds) {
                window[1] = p.now();
              }
            }
          });
    }
    return SimDuration.ofPicos(window[1].since(window[0]).picos() / (2L * rounds));
  }

  /**
   * Bandwidth in MB/s of {@code count} back-to-back messages from node 0 to node 1, timed from
   * the first send to the receiver seeing the last flag.
   */
  private double streamBandwidth(int bytes, int count, MessageSender sender) {
    SimTime[] window = new SimTime[2];
    try (Multicomputer mc = machines.get()) {
      VmmcProcess[] procs = new VmmcProcess[2];
      procs[1] = mc.node(1).spawn("sink", p -> {
        UserMemory inbox = allocatePages(p, bytes);
        p.vmmc().export(inbox, PONG, ImportPolicy.anyone());
        awaitFlag(p, inbox, bytes - 4, count);
        window[1] = p.now();
      });
      procs[0] = mc.node(0).spawn("source", p -> {
        UserMemory outbox = allocatePages(p, bytes);
        ImportedBuffer there = importWhenReady(p, procs[1], PONG);
        sender.open(p, outbox, there);
        window[0] = p.now();
        for (int k = 1; k <= count; k++) {
          sender.send(p, outbox, there, bytes, k);
        }
      });
      mc.run();
    }
    double seconds = window[1].since(window[0]).toSeconds();
    return (double) bytes * count / seconds / 1e6;
  }

  /** What a ping-pong notes at the moments a measurement times; each does nothing by default. */
  private interface Timing {
    /** On the ping side, just before message {@code round} leaves. */
    default void beforeSend(VmmcProcess p, int round) {}

    /** On the ping side, as soon as the send of message {@code round} returns. */
    default void afterSend(VmmcProcess p, int round) {}

    /** On the pong side, once message {@code round} has arrived, before the reply leaves. */
    default void arrived(VmmcProcess p, int round) {}

    /** On the ping side, once the reply to message {@code round} has arrived. */
    default void replied(VmmcProcess p, int round) {}
  }

  /**
   * A ping-pong between a ping process on node 0 and a pong process on node 1: each exports
   * an inbox, imports the other's, and the two take turns, {@code bytes}-byte messages by
   * {@code sender} one way and {@code replyBytes}-byte replies by {@code replier} back.
   */
  private record PingPong(String pingName, String pongName, int bytes, MessageSender sender,
      int replyBytes, MessageSender replier) {

    /** Runs {@code rounds} round trips on {@code mc}; the ping and pong processes, in order. */
    VmmcProcess[] run(Multicomputer mc, int rounds, Timing timing) {
      VmmcProcess[] procs = new VmmcProcess[2];
      procs[1] = mc.node(1).spawn(pongName, p -> {
        Side pong = Side.open(p, bytes, PONG, procs[0], PING, replyBytes, replier);
        for (int r = 1; r <= rounds; r++) {
          awaitFlag(p, pong.inbox(), bytes - 4, r);
          timing.arrived(p, r);
          replier.send(p, pong.outbox(), pong.destination(), replyBytes, r);
        }
        // Outlive the measured rounds: the teardown at exit (a drain marker behind the last
        // reply) must not fall inside the ping side's measuring window.
        awaitFlag(p, pong.inbox(), bytes - 4, rounds + 1);
      });
      procs[0] = mc.node(0).spawn(pingName, p -> {
        Side ping = Side.open(p, replyBytes, PING, procs[1], PONG, bytes, sender);
        for (int r = 1; r <= rounds; r++) {
          timing.beforeSend(p, r);
          sender.send(p, ping.outbox(), ping.destination(), bytes, r);
          timing.afterSend(p, r);
          awaitFlag(p, ping.inbox(), replyBytes - 4, r);
          timing.replied(p, r);
        }
        sender.send(p, ping.outbox(), ping.destination(), bytes, rounds + 1); // unmeasured
      });
      mc.run();
      return procs;
    }
  }

  /** One side of a ping-pong: its exported inbox, its outbox and the peer's imported inbox. */
  private record Side(UserMemory inbox, UserMemory outbox, ImportedBuffer destination) {

    /**
     * Allocates an inbox of {@code inboxBytes} and exports it as {@code inboxId}, allocates an
     * outbox of {@code outboxBytes}, imports {@code peer}'s {@code peerInboxId} and opens the
     * outbox to it with {@code sender}.
     */
    static Side open(VmmcProcess p, int inboxBytes, BufferId inboxId, VmmcProcess peer,
        BufferId peerInboxId, int outboxBytes, MessageSender sender) {
      UserMemory inbox = allocatePages(p, inboxBytes);
      UserMemory outbox = allocatePages(p, outboxBytes);
      p.vmmc().export(inbox, inboxId, ImportPolicy.anyone());
      ImportedBuffer destination = importWhenReady(p, peer, peerInboxId);
      sender.open(p, outbox, destination);
      return new Side(inbox, outbox, destination);
    }
  }

  private static void checkMessageSize(int bytes) {
    checkArgument(bytes >= 4 && bytes % 4 == 0, "message size must be a positive multiple of 4"
        + " bytes: %s", bytes);
  }

  private static void checkLatency(int bytes, int warmup, int rounds) {
    checkMessageSize(bytes);
    checkArgument(rounds > 0 && warmup >= 0, "rounds %s must be positive, warmup %s not negative",
        rounds, warmup);
  }

  private static void checkBandwidth(int bytes, int count) {
    checkMessageSize(bytes);
    checkArgument(count > 0, "message count must be positive: %s", count);
  }

  private static void requireSelfFlushing(CombiningMode mode) {
    checkArgument(mode == CombiningMode.SINGLE_WRITE || mode == CombiningMode.TIMER_WRITE,
        "each message must leave by itself, but under %s a message's last packet waits for a"
            + " later store to close it; measure SINGLE_WRITE or TIMER_WRITE", mode);
  }

  /** A buffer of whole pages that holds {@code bytes} bytes. */
  private static UserMemory allocatePages(VmmcProcess p, int bytes) {
    return p.allocate((bytes + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES);
  }

  /**
   * Polls the flag word at {@code offset} of {@code inbox} until it holds {@code value}, as
   * the loop {@code while (flag != value) ;} would (see {@link VmmcProcess#awaitWord}).
   */
  static void awaitFlag(VmmcProcess p, UserMemory inbox, int offset, int value) {
    p.awaitWord(inbox, offset, word -> word == value);
  }

  /** Imports {@code id} of {@code peer}, retrying until the peer has exported it. */
  private static ImportedBuffer importWhenReady(VmmcProcess p, VmmcProcess peer, BufferId id) {
    while (true) {
      try {
        return p.vmmc().importBuffer(peer.id(), id);
      } catch (org.vmmc.core.VmmcException e) {
        if (e.reason() != org.vmmc.core.VmmcException.Reason.NO_SUCH_EXPORT) {
          throw e;
        }
        p.sleep(SimDuration.ofMicros(100));
      }
    }
  }
}
