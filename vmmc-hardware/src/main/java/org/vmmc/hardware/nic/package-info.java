/**
 * Building blocks that several network interface designs share: the incoming page table and
 * the receive path (network interface chip, table check, incoming DMA over EISA, interrupts as
 * the node's bound {@link org.vmmc.core.nic.ArrivalInterruptPolicy} decides).
 * A design composes them in its own package; nothing here knows which design it serves.
 */
package org.vmmc.hardware.nic;
