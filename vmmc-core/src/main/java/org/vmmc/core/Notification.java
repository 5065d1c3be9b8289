package org.vmmc.core;

/**
 * A notification delivered to the handler of an exported buffer: a message that asked for one
 * has arrived and its data is in memory.
 *
 * @param buffer the buffer the data landed in
 * @param offset where in the buffer the message's data starts, in bytes
 * @param length the length of the data, in bytes
 * @param source the node that sent it
 * @param arrival when the data was in memory
 */
public record Notification(BufferId buffer, int offset, int length, NodeId source,
    SimTime arrival) {}
