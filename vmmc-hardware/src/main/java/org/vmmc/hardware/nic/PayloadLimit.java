package org.vmmc.hardware.nic;

import static com.google.common.base.Preconditions.checkArgument;

import org.vmmc.core.net.Backplane;

/** The check every design makes when it is built: its packets fit the backplane's. */
public final class PayloadLimit {
  private PayloadLimit() {}

  /**
   * Refuses a backplane whose payload limit is below {@code packetBytes}, the largest payload
   * the design {@code design} puts in one packet ({@code parameter} names where it is set).
   */
  public static void require(Backplane backplane, int packetBytes, String design,
      String parameter) {
    checkArgument(backplane.maxPayloadBytes() >= packetBytes,
        "the mesh carries at most %s bytes of payload per packet (MeshParameters"
            + ".maxPayloadBytes), but %s packets carry up to %s bytes (%s): raise the mesh's"
            + " limit or lower the design's packet size", backplane.maxPayloadBytes(), design,
        packetBytes, parameter);
  }
}
