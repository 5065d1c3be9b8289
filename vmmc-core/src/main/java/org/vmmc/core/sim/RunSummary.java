package org.vmmc.core.sim;

import org.vmmc.core.SimTime;

/**
 * How a call to run the simulator ended.
 *
 * @param endTime the simulated time when the run stopped
 * @param eventsDispatched events dispatched since the simulator was created
 * @param pendingEvents events still scheduled (non-zero when the run stopped at a limit)
 */
public record RunSummary(SimTime endTime, long eventsDispatched, int pendingEvents) {}
