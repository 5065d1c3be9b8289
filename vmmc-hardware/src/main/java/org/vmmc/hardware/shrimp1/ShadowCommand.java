package org.vmmc.hardware.shrimp1;

/**
 * The words of SHRIMP-I's shadow-address send: a locked compare-and-exchange on the shadow
 * alias of a send-page address. The address names the source (send page and offset, and so
 * the destination frame it is mapped out to, at the same offset); the data operand carries
 * the byte count; the card answers the locked read with its status for that page and takes
 * the write, which starts the transfer, only when the status equals the expected operand.
 *
 * <pre>
 *   data operand (new value)                  answer (old value)
 *   31     30        13 12              0     31                      2   1       0
 *   +------+----------+-----------------+     +-----------------------+-------+------+
 *   |notify|  (zero)  |   byte count    |     |        (zero)         |invalid| busy |
 *   +------+----------+-----------------+     +-----------------------+-------+------+
 *   expected operand: READY (zero); the answer READY means the transfer started
 * </pre>
 */
final class ShadowCommand {
  /** Data operand: the transfer asks for a notification at the receiver. */
  static final int NOTIFY = 1 << 31;
  /** Data operand: mask of the byte count (up to one 4096-byte page). */
  static final int COUNT_MASK = 0x1FFF;

  /** Answer: the card took the command; the transfer started. Also the expected operand. */
  static final int READY = 0;
  /** Answer: the outgoing DMA engine is full; nothing started, try again. */
  static final int BUSY = 1;
  /** Answer: the command is malformed or the page is not mapped out; nothing started. */
  static final int INVALID = 1 << 1;

  private ShadowCommand() {}

  /** The data operand for a transfer of {@code count} bytes. */
  static int command(int count, boolean notify) {
    return (count & COUNT_MASK) | (notify ? NOTIFY : 0);
  }
}
