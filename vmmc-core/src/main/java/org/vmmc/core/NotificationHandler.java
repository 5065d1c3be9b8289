package org.vmmc.core;

/**
 * The code run for each notification on one exported buffer. It runs with notifications
 * blocked, after the data is in memory.
 */
@FunctionalInterface
public interface NotificationHandler {

  /** Handles {@code notification}. */
  void handle(Notification notification) throws Exception;
}
