package org.vmmc.core.net;

/**
 * One bit of a packet header's flags field, set by the sending network interface and acted on
 * by the receiving one.
 *
 * <p>The wire field has {@link Packet#FLAGS_BITS} bits; constants beyond the ones below may be
 * added (up to that many) without changing the header layout.
 */
public enum PacketFlag {
  /** The receiver should raise a notification once the data is in memory (if the page allows). */
  NOTIFY,
  /** The data comes from an automatic-update binding (snooped stores). */
  AUTOMATIC_UPDATE,
  /** The data comes from a deliberate-update transfer (the sender's DMA engine). */
  DELIBERATE_UPDATE,
  /**
   * A drain marker: no data, only the sender's marker number. The receiver writes nothing; once
   * every packet that came before it from the same interface has been written or refused, it
   * answers with a {@link #DRAIN_ACK} carrying the same number (the end-to-end barrier of a
   * revocation).
   */
  DRAIN_MARKER,
  /** The answer to a {@link #DRAIN_MARKER}: every packet sent before the marker has landed. */
  DRAIN_ACK;

  /** This flag's bit in the header's flags field. */
  public int bit() {
    return 1 << ordinal();
  }
}
