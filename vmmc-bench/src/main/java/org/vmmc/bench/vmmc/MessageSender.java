package org.vmmc.bench.vmmc;

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

  /** Prepares the outbox once, before the first message (an automatic-update binding, say). */
  default void open(VmmcProcess p, UserMemory outbox, ImportedBuffer destination) {}

  /** Moves message {@code round}, {@code bytes} bytes, to {@code destination}. */
  void send(VmmcProcess p, UserMemory outbox, ImportedBuffer destination, int bytes, int round);
}
