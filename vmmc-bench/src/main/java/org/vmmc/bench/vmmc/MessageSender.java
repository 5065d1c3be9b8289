package org.vmmc.bench.vmmc;

import org.vmmc.core.nic.CombiningMode;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * How the sending process of a measurement moves one message: the first {@code bytes} bytes of
 * its outbox to the start of the imported buffer, the flag word (at {@code bytes - 4}) holding
 * the round number and arriving last.
 */
@FunctionalInterface
public interface MessageSender {

  /** Deliberate update: write the flag, then one explicit send of the whole message. */
  MessageSender DELIBERATE_UPDATE = (p, outbox, destination, bytes, round) -> {
    outbox.putInt(bytes - 4, round);
    p.vmmc().send(outbox, 0, destination, 0, bytes);
  };

  /**
   * Automatic update combined as {@code mode} says: the outbox is bound to the destination
   * once, and each message is ordinary stores into it, its body first and the flag word last.
   */
  static MessageSender automaticUpdate(CombiningMode mode) {
    return new MessageSender() {
      @Override
      public void open(VmmcProcess p, UserMemory outbox, ImportedBuffer destination) {
        p.vmmc().bindAutomaticUpdate(outbox, destination, 0, mode, false);
      }

      @Override
      public void send(VmmcProcess p, UserMemory outbox, ImportedBuffer destination, int bytes,
          int round) {
        if (bytes > 4) {
          outbox.putBytes(0, new byte[bytes - 4]);
        }
        outbox.putInt(bytes - 4, round);
      }
    };
  }

  /** Prepares the outbox once, before the first message (an automatic-update binding, say). */
  default void open(VmmcProcess p, UserMemory outbox, ImportedBuffer destination) {}

  /** Moves message {@code round}, {@code bytes} bytes, to {@code destination}. */
  void send(VmmcProcess p, UserMemory outbox, ImportedBuffer destination, int bytes, int round);
}
