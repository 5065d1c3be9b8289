package org.vmmc.testkit;

import com.google.inject.Module;
import org.vmmc.core.BufferId;
import org.vmmc.core.ProcessId;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.RunResult;
import org.vmmc.userlib.VmmcProcess;

/**
 * What every section of the contract suite stands on: the design under test, machines built of
 * it, and a receiver and a sender on two nodes. {@link VmmcContract} is the suite to subclass;
 * this base only names what its sections share.
 */
public abstract class DesignContract {
  /** The buffer id the tests export. */
  protected static final BufferId INBOX = BufferId.of(1);
  /** The page size of the SHRIMP node hardware, in bytes. */
  protected static final int PAGE = 4096;

  private NicDesign nicDesign;

  /** A fresh instance of the Guice module of the design under test. */
  protected abstract Module design();

  /**
   * A machine of the design under test; a subclass may override it to set parameters or
   * overrides, keeping the size and seed.
   */
  protected Multicomputer.Builder machine(int width, int height, long seed) {
    return Multicomputer.builder().design(design()).mesh(width, height).seed(seed);
  }

  /** The design under test, as the machine reports it. */
  protected final NicDesign nicDesign() {
    if (nicDesign == null) {
      try (Multicomputer mc = machine(1, 1, 0).build()) {
        nicDesign = mc.design();
      }
    }
    return nicDesign;
  }

  /** What a sender does, given the receiver's id. */
  @FunctionalInterface
  protected interface SenderProgram {
    /** Runs as process {@code p}, which sends to {@code receiver}. */
    void run(VmmcProcess p, ProcessId receiver) throws Exception;
  }

  /** What a receiver does. */
  @FunctionalInterface
  protected interface ReceiverProgram {
    /** Runs as process {@code p}. */
    void run(VmmcProcess p) throws Exception;
  }

  /** Runs {@code receiver} on node 0 and {@code sender} on node 1 of a 2 by 1 machine. */
  protected final RunResult pair(long seed, ReceiverProgram receiver, SenderProgram sender) {
    try (Multicomputer mc = machine(2, 1, seed).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", receiver::run);
      mc.node(1).spawn("sender", p -> sender.run(p, rx.id()));
      return mc.run();
    }
  }
}
