package org.vmmc.core.nic;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.net.Packet;
import org.vmmc.core.net.PacketFlag;

class ArrivalInterruptPolicyTest {
  private static final NodeId FROM = NodeId.of(1);
  private static final PhysicalAddress AT = PhysicalAddress.of(0x5008);
  private final NicInterrupts kernel = mock(NicInterrupts.class);

  private static Packet packet(Set<PacketFlag> flags) {
    return new Packet(FROM, NodeId.of(0), AT, new byte[12], flags);
  }

  private static final Packet PLAIN = packet(EnumSet.noneOf(PacketFlag.class));
  private static final Packet NOTIFYING = packet(EnumSet.of(PacketFlag.NOTIFY));

  @Test
  void asRequestedNotifiesOnlyWhenThePacketAsksAndTheFrameAllows() {
    ArrivalInterruptPolicy.AS_REQUESTED.written(NOTIFYING, true, kernel);
    verify(kernel).notification(FROM, AT, 12);

    ArrivalInterruptPolicy.AS_REQUESTED.written(NOTIFYING, false, kernel);
    ArrivalInterruptPolicy.AS_REQUESTED.written(PLAIN, true, kernel);
    ArrivalInterruptPolicy.AS_REQUESTED.written(PLAIN, false, kernel);
    verifyNoMoreInteractions(kernel);
  }

  @Test
  void everyArrivalNotifiesAsRequestedAndInterruptsPlainlyForEveryOtherPacket() {
    ArrivalInterruptPolicy.EVERY_ARRIVAL.written(NOTIFYING, true, kernel);
    verify(kernel).notification(FROM, AT, 12);
    verifyNoMoreInteractions(kernel);

    for (boolean frameInterrupts : new boolean[] {true, false}) {
      NicInterrupts other = mock(NicInterrupts.class);
      ArrivalInterruptPolicy.EVERY_ARRIVAL.written(PLAIN, frameInterrupts, other);
      verify(other).arrival(FROM, AT, 12);
      verifyNoMoreInteractions(other);
    }
    NicInterrupts disabled = mock(NicInterrupts.class);
    ArrivalInterruptPolicy.EVERY_ARRIVAL.written(NOTIFYING, false, disabled);
    verify(disabled).arrival(FROM, AT, 12);
    verifyNoMoreInteractions(disabled);
  }
}
