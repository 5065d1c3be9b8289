package org.vmmc.bench.compare;

import org.vmmc.bench.vmmc.Measurements;
import org.vmmc.bench.vmmc.MessageSender;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.SimDuration;
import org.vmmc.core.nic.CombiningMode;

/** How a mode moves messages in each measurement: latency, bandwidth and a traced message. */
public interface TransferMethod {

  /** Deliberate update: explicit sends (user-level or by system call, as the design has it). */
  TransferMethod DELIBERATE_UPDATE = new TransferMethod() {
    @Override
    public SimDuration latency(Measurements m, int bytes, int warmup, int rounds) {
      return m.latency(bytes, warmup, rounds);
    }

    @Override
    public double bandwidth(Measurements m, int bytes, int count) {
      return m.bandwidth(bytes, count);
    }

    @Override
    public OneWay traceOneWay(Measurements m, int bytes, int warmup) {
      return m.traceOneWay(bytes, warmup, MessageSender.DELIBERATE_UPDATE);
    }
  };

  /**
   * Automatic update under the recommended {@code TIMER_WRITE}: each side binds its outbox to
   * the other's inbox once, and a message is ordinary stores into it, the flag word last.
   */
  TransferMethod AUTOMATIC_UPDATE = automaticUpdate(CombiningMode.TIMER_WRITE);

  /** Automatic update combined as {@code mode} says (one that sends each message by itself). */
  static TransferMethod automaticUpdate(CombiningMode mode) {
    MessageSender sender = MessageSender.automaticUpdate(mode);
    return new TransferMethod() {
      @Override
      public SimDuration latency(Measurements m, int bytes, int warmup, int rounds) {
        return m.automaticUpdateLatency(bytes, mode, warmup, rounds);
      }

      @Override
      public double bandwidth(Measurements m, int bytes, int count) {
        return m.automaticUpdateBandwidth(bytes, count, mode);
      }

      @Override
      public OneWay traceOneWay(Measurements m, int bytes, int warmup) {
        return m.traceOneWay(bytes, warmup, sender);
      }
    };
  }

  /** One-way latency of a {@code bytes}-byte message: half the mean ping-pong round trip. */
  SimDuration latency(Measurements m, int bytes, int warmup, int rounds);

  /** Sustained bandwidth of {@code count} back-to-back {@code bytes}-byte messages, in MB/s. */
  double bandwidth(Measurements m, int bytes, int count);

  /** One traced {@code bytes}-byte message after {@code warmup} ping-pong rounds. */
  OneWay traceOneWay(Measurements m, int bytes, int warmup);
}
