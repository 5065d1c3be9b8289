package org.vmmc.bench.compare;

import java.util.List;
import org.vmmc.bench.vmmc.OneWay;
import org.vmmc.core.nic.StageShare;

/**
 * The {@link StageShare}s of a design's traced message that its events alone cannot place: the
 * design's knowledge of which of its costs lie inside which traced interval.
 */
@FunctionalInterface
public interface Attribution {

  /** A design whose events place all of its time. */
  Attribution NONE = (config, message) -> List.of();

  /** The shares of {@code message}, traced on a machine built from {@code config}. */
  List<StageShare> shares(MachineConfig config, OneWay message);
}
