package org.vmmc.core.nic;

/**
 * An optional capability of a network interface design.
 *
 * <p>Every design offers export, import, deliberate update and notifications; the features
 * below are what designs differ in. A call that needs a feature the installed design lacks
 * fails with an {@link UnsupportedOperationException} that names the design and the feature.
 */
public enum NicFeature {
  /**
   * Automatic update: stores to a bound local page are snooped on the memory bus and carried
   * to the remote buffer by the hardware. Needed by the user library's automatic-update
   * binding and by {@link NicDriver#bindAutomaticUpdate}; without it the binding is refused
   * with an {@link UnsupportedOperationException} and nothing is bound. SHRIMP-II has it,
   * SHRIMP-I and a conventional interface do not.
   */
  AUTOMATIC_UPDATE,

  /**
   * User-level sends: a deliberate update starts with user memory references, with no system
   * call. Without it (a conventional interface) every send traps into the kernel; programs
   * still run, only slower.
   */
  USER_LEVEL_SEND,

  /**
   * Sends from any source page: a deliberate update may take its data from anywhere in the
   * sender's memory. Without it (SHRIMP-I) each imported page has one fixed local send page
   * the data must come from; the user library stages data through it.
   */
  ANY_SOURCE_PAGE,

  /**
   * Polled receive: an arriving packet is written into memory with no interrupt unless it asks
   * for a notification and its frame allows interrupts; the receiver polls memory. A design
   * with it decides each written packet's interrupt by the node's bound {@link
   * ArrivalInterruptPolicy} (the shared receive path in {@code org.vmmc.hardware.nic} does), so
   * an experiment can put an interrupt back on every arrival. Without it (a conventional
   * interface, whose kernel takes every arrival) nothing is refused; only that experiment does
   * not apply. SHRIMP-I and SHRIMP-II have it.
   */
  POLLED_RECEIVE
}
