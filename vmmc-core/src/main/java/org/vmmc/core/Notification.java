package org.vmmc.core;

/**
 * A notification delivered to the handler of an exported buffer: a message that asked for one
 * has arrived and all its data is in memory.
 *
 * <p>The interrupt comes with the message's last packet, and the offset and length describe
 * that packet: for a message that fits one packet (up to a page on the SHRIMP designs) they are
 * the message's own; for a longer one they are its final piece, and the earlier pieces lie
 * before it in the buffer.
 *
 * @param buffer the buffer the data landed in
 * @param offset where in the buffer the notifying packet's data starts, in bytes
 * @param length the length of the notifying packet's data, in bytes
 * @param source the node that sent it
 * @param arrival when the data was in memory
 */
public record Notification(BufferId buffer, int offset, int length, NodeId source,
    SimTime arrival) {}
