package org.vmmc.kernel;

import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayDeque;
import org.vmmc.core.Notification;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.SimDuration;
import org.vmmc.core.sim.Signal;
import org.vmmc.core.sim.SimProcess;

/**
 * Delivers one process's notifications to its handlers, with VMMC's blocking rules.
 *
 * <p>Handlers run on the process's <em>notification context</em>: a second simulated thread of
 * the same process, sharing its address space, started with the first export that has a
 * handler. It runs queued notifications one at a time, in arrival order, each after the data
 * is in memory, the way a Unix signal handler runs beside the program's own code (the
 * {@link CpuScheduler} gives the context the CPU ahead of other threads). A running
 * handler has notifications blocked. {@link #block()} and {@link #unblock()} nest with one
 * counter for all buffers of the process; notifications that arrive while it is above zero
 * queue and are delivered when it returns to zero. A handler may unblock only what it blocked
 * itself: an unblock that would bring the counter to zero inside a handler is an error.
 *
 * <p>At exit ({@link #close}) the context ends: queued notifications are dropped, each
 * counted ({@code notifications-dropped}) and reported in the node's report list, and a
 * running handler is let return first (see {@link ProcessExit}).
 */
final class NotificationDispatcher {
  private record Queued(NotificationHandler handler, Notification notification) {}

  private final KernelProcess owner;
  private final Signal ready;
  private final Signal handlerReturned;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private SimProcess context;
  private int blockDepth;
  private boolean inHandler;
  private boolean closed;
  private long delivered;

  NotificationDispatcher(KernelProcess owner) {
    this.owner = owner;
    this.ready = owner.kernel.simulator().signal("notifications for " + owner.id());
    this.handlerReturned = owner.kernel.simulator().signal(
        "the notification handler of " + owner + " to return");
  }

  /** Starts the notification context if it is not running yet. */
  void ensureStarted() {
    if (context == null) {
      context = owner.kernel.simulator().spawnDaemon(owner.kernel.node(),
          owner.name() + "/notifications",
          self -> owner.kernel.scheduler.run(self, owner.id(), true, this::loop));
    }
  }

  boolean isContext(SimProcess p) {
    return p != null && p == context;
  }

  void enqueue(NotificationHandler handler, Notification notification) {
    if (closed) {
      drop(notification);
      return;
    }
    queue.add(new Queued(handler, notification));
    ready.signalAll();
  }

  void block() {
    blockDepth++;
  }

  void unblock(SimProcess caller) {
    checkState(blockDepth > 0, "unblockNotifications() without a matching blockNotifications()");
    checkState(!(inHandler && isContext(caller) && blockDepth == 1),
        "unblockNotifications() inside a notification handler may only undo a block the "
            + "handler made itself; this one would unblock notifications during the handler");
    blockDepth--;
    if (blockDepth == 0 && !queue.isEmpty()) {
      ready.signalAll();
    }
  }

  int blockDepth() {
    return blockDepth;
  }

  int queued() {
    return queue.size();
  }

  long delivered() {
    return delivered;
  }

  /**
   * Ends delivery as the process exits: every notification still queued, and every one that
   * arrives later, is dropped, counted and reported; a handler that is running is let finish,
   * with {@code exiting} (the process's main thread) waiting until it has returned.
   */
  void close(SimProcess exiting) {
    closed = true;
    for (Queued q : queue) {
      drop(q.notification());
    }
    queue.clear();
    ready.signalAll();
    if (inHandler) {
      exiting.awaitUntil(handlerReturned, () -> !inHandler);
    }
  }

  private void drop(Notification n) {
    owner.kernel.count(KernelCounter.NOTIFICATIONS_DROPPED);
    owner.kernel.interrupts().report(owner.kernel.simulator().now() + ": dropped a notification"
        + " for " + n.buffer() + " of " + owner.id() + " (" + n.length() + " bytes at offset "
        + n.offset() + " from " + n.source() + "): " + owner.name() + " has exited");
  }

  private void loop(SimProcess self) throws Exception {
    SimDuration upcall = owner.kernel.cycles(owner.kernel.parameters().upcallCycles());
    while (!closed) {
      if (queue.isEmpty() || blockDepth > 0) {
        // A handler's last work may leave the context ahead: test again after catching up.
        self.awaitUntil(ready, () -> closed || (!queue.isEmpty() && blockDepth == 0));
        continue;
      }
      Queued next = queue.poll();
      blockDepth++;
      inHandler = true;
      try {
        self.hold(upcall);
        next.handler().handle(next.notification());
        delivered++;
      } finally {
        inHandler = false;
        blockDepth--;
        handlerReturned.signalAll();
      }
    }
  }
}
