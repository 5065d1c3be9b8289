package org.vmmc.hardware.mesh;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of the mesh backplane, machine-wide, reported as {@code mesh.<id>}.
 */
enum MeshCounter implements CounterKey {
  /** Packets the mesh accepted. */
  PACKETS_INJECTED,
  /** Packets the receivers took. */
  PACKETS_DELIVERED,
  /** Flits of the packets accepted. */
  FLITS_INJECTED,
  /** Flits of the packets delivered. */
  FLITS_DELIVERED,
  /** Link crossings by flits. */
  FLIT_HOPS,
  /** Times a flit waited a cycle for a link held by another packet, credits or ejection. */
  FLIT_STALLS,
  /** Packets refused at injection because the source's injection queue was full. */
  INJECTION_REFUSALS,
  /** Packets a receiver refused at ejection. */
  EJECTION_REFUSALS;

  @Override
  public String component() {
    return "mesh";
  }
}
