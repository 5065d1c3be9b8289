package org.vmmc.hardware.shrimp2;

import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;

/**
 * One deliberate-update transfer the UDMA engine started: at most a page on each side.
 *
 * @param ticket the transfer's sequence number on this interface
 * @param source where the data is in local memory
 * @param destinationNode the receiving node
 * @param destination where the data goes in the receiver's memory
 * @param length bytes to move
 * @param notifies whether the last packet asks for a notification
 * @param tableIndex the outgoing page table entry it was started through
 */
record Transfer(long ticket, PhysicalAddress source, NodeId destinationNode,
    PhysicalAddress destination, int length, boolean notifies, int tableIndex) {}
