package org.vmmc.hardware.shrimp2;

/**
 * The words of SHRIMP-II's user-level DMA protocol: what the STORE to a destination proxy
 * carries, and what the LOAD from a source proxy returns.
 *
 * <pre>
 *   STORE to destination proxy            LOAD from source proxy returns
 *   31  30          16 15           0     31              8 7      3   2       1     0
 *   +------+---------+--------------+     +-----------------+--------+-------+-----+-------+
 *   |notify| (zero)  | byte count   |     | transfer ticket |  zero  |invalid| busy|started|
 *   +------+---------+--------------+     +-----------------+--------+-------+-----+-------+
 * </pre>
 */
final class UdmaStatus {
  /** STORE: the transfer asks for a notification at the receiver. */
  static final int NOTIFY = 1 << 31;
  /** STORE: mask of the byte count. */
  static final int COUNT_MASK = 0xFFFF;

  /** LOAD: the transfer started. */
  static final int STARTED = 1;
  /** LOAD: the engine is full; the STORE stays latched, retry the LOAD. */
  static final int BUSY = 1 << 1;
  /** LOAD: no valid STORE is latched (none, cancelled by a context switch, or bad). */
  static final int INVALID = 1 << 2;
  /** LOAD: where the ticket of a started transfer begins. */
  static final int TICKET_SHIFT = 8;

  private UdmaStatus() {}

  static int started(long ticket) {
    return STARTED | (int) ((ticket & 0xFF_FFFF) << TICKET_SHIFT);
  }
}
