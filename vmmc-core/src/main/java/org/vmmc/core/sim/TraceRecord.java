package org.vmmc.core.sim;

/**
 * One dispatched event, as data: two runs are identical when their traces are equal.
 *
 * @param picos the simulated time of the event, in picoseconds
 * @param seq the event's sequence number
 * @param label what the event did
 */
public record TraceRecord(long picos, long seq, String label) {}
