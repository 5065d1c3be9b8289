package org.vmmc.hardware.mesh;

import org.vmmc.core.stats.CounterKey;

/**
 * The counters of the mesh backplane, machine-wide, reported as {@code mesh.<id>}.
 */
enum MeshCounter implements CounterKey {
  /** Packets the mesh accepted. */
  PACKETS_INJECTED("packets-injected", "packets the mesh accepted"),
  /** Packets the receivers took. */
  PACKETS_DELIVERED("packets-delivered", "packets the receivers took"),
  /** Flits of the packets accepted. */
  FLITS_INJECTED("flits-injected", "flits of the packets accepted"),
  /** Flits of the packets delivered. */
  FLITS_DELIVERED("flits-delivered", "flits of the packets delivered"),
  /** Link crossings by flits. */
  FLIT_HOPS("flit-hops", "link crossings by flits"),
  /** Times a flit waited a cycle for a link held by another packet, credits or ejection. */
  FLIT_STALLS("flit-stalls", "times a flit waited for a busy link, credits or ejection"),
  /** Packets refused at injection because the source's injection queue was full. */
  INJECTION_REFUSALS("injection-refusals", "packets refused with the injection queue full"),
  /** Packets a receiver refused at ejection. */
  EJECTION_REFUSALS("ejection-refusals", "packets a receiver refused at ejection");

  private final String id;
  private final String description;

  MeshCounter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String component() {
    return "mesh";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }
}
