package org.vmmc.core.nic;

/**
 * How an automatic-update binding turns the stores snooped on its pages into packets: the
 * combining field of a bound page's outgoing page table entry (design reference, sections 2
 * and 4.3; the rules below are a modelling choice, the sources name the modes only).
 *
 * <p>Every mode keeps each store's value and the order of stores: combining only decides how
 * many stores share one packet. A packet never crosses a page and never exceeds the design's
 * packet size limit; one that can grow no further closes at once. Starting a deliberate update
 * and ending the binding close the open packet too, so nothing waits behind them.
 */
public enum CombiningMode {
  /**
   * Automatic update off: the field's value for a page that is not bound, whose stores stay
   * local. A binding cannot be made with it (use {@link #SINGLE_WRITE} for no combining).
   */
  DISABLE,

  /** No combining: every store leaves in a packet of its own, at once. */
  SINGLE_WRITE,

  /**
   * Consecutive stores (each one starting where the open packet ends, on the same page) join
   * the open packet; a store anywhere else, a page crossing, the packet size limit or a full
   * outgoing FIFO closes it. The last packet of a burst waits for whatever closes it next.
   */
  BLOCK_WRITE,

  /**
   * Like {@link #BLOCK_WRITE}, plus a flush timer that every store to the open packet restarts
   * and that closes the packet when it expires: the recommended default, since a burst's last
   * packet leaves by itself.
   */
  TIMER_WRITE;

  /** True for the modes that carry stores to the remote buffer (all but {@link #DISABLE}). */
  public boolean propagates() {
    return this != DISABLE;
  }
}
