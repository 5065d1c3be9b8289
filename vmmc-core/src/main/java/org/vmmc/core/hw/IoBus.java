package org.vmmc.core.hw;

import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.SimProcess;

/**
 * A node's I/O bus (the EISA bus), over which a NIC's DMA engines move data between the
 * device and memory.
 *
 * <p>The bus carries one transfer at a time; transfers are served first come, first served
 * in the order they are reserved. The methods work from event actions (no process needed); a
 * process that calls them is synchronised first, so its request is made at its own time.
 * Reserving only books bus time: the caller moves the data (and schedules whatever follows)
 * at the completion time it gets back.
 */
public interface IoBus {

  /** The bus's timing parameters. */
  IoBusParameters parameters();

  /** The bus time a transfer of {@code bytes} bytes takes once it starts. */
  SimDuration transferTime(int bytes);

  /**
   * Books a transfer of {@code bytes} bytes that starts when the bus is next free, not before
   * now; returns the instant it completes.
   */
  SimTime reserve(int bytes);

  /**
   * Books a transfer of {@code bytes} bytes that starts when the bus is next free, not before
   * {@code earliestStart} (nor now); returns the instant it completes.
   */
  SimTime reserve(SimTime earliestStart, int bytes);

  /** Books a transfer of {@code bytes} bytes for {@code process} and holds it until the transfer completes. */
  void transfer(SimProcess process, int bytes);

  /** The instant the bus finishes every transfer booked so far (now or earlier when idle). */
  SimTime freeAt();

  /** The number of transfers booked so far. */
  long transfers();

  /** The number of bytes booked so far. */
  long bytesTransferred();
}
