package org.vmmc.userlib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;

/**
 * Every write that lands in a receive buffer, in the order it lands: what incoming DMA wrote,
 * byte by byte, as offsets into the buffer. Attach it to the receiving node's memory before the
 * run; the receiver names its buffer with {@link #watch} and ends the log with {@link #stop}
 * (before its memory is freed and cleared).
 */
final class Arrivals implements MemoryWriteObserver {
  /** One write into the buffer: where, what, when. */
  record Deposit(int offset, byte[] bytes, SimTime time) {}

  private final Inspector inspector;
  private final MemoryGeometry geometry = MemoryGeometry.SHRIMP;
  private final Map<Long, Integer> pageOfFrame = new HashMap<>();
  private final List<Deposit> deposits = new ArrayList<>();
  private boolean recording;

  Arrivals(Multicomputer mc, int node) {
    this.inspector = mc.inspector();
    inspector.onMemoryWrite(NodeId.of(node), this);
  }

  /** Starts logging writes into {@code buffer}, memory of {@code owner} on this node. */
  void watch(VmmcProcess owner, UserMemory buffer) {
    for (int page = 0; page * geometry.pageSize() < buffer.length(); page++) {
      VirtualAddress va = buffer.address().plus((long) page * geometry.pageSize());
      PhysicalAddress pa = inspector.physicalAddress(owner.id(), va).orElseThrow();
      pageOfFrame.put(geometry.frameOf(pa).value(), page);
    }
    recording = true;
  }

  /** Ends the log. */
  void stop() {
    recording = false;
  }

  @Override
  public void written(NodeId node, PhysicalAddress address, int length) {
    Integer page = pageOfFrame.get(geometry.frameOf(address).value());
    if (!recording || page == null) {
      return;
    }
    byte[] bytes = inspector.readPhysical(node, address, length);
    int offset = page * geometry.pageSize() + geometry.offsetInPage(address.value());
    deposits.add(new Deposit(offset, bytes, inspector.now()));
  }

  /** The writes so far. */
  List<Deposit> deposits() {
    return List.copyOf(deposits);
  }

  /** Each byte written so far, as "offset=value", in the order written. */
  List<String> bytes() {
    List<String> out = new ArrayList<>();
    for (Deposit d : deposits) {
      for (int i = 0; i < d.bytes().length; i++) {
        out.add(StoreLog.entry(d.offset() + i, d.bytes()[i]));
      }
    }
    return out;
  }

  /** The length of each write so far, in order. */
  List<Integer> sizes() {
    return deposits.stream().map(d -> d.bytes().length).toList();
  }

  /** The values written to the word at {@code offset}, in order. */
  List<Integer> wordValues(int offset) {
    List<Integer> values = new ArrayList<>();
    for (Deposit d : deposits) {
      int from = offset - d.offset();
      if (from >= 0 && from + 4 <= d.bytes().length) {
        byte[] b = d.bytes();
        values.add((b[from] & 0xFF) | (b[from + 1] & 0xFF) << 8 | (b[from + 2] & 0xFF) << 16
            | (b[from + 3] & 0xFF) << 24);
      }
    }
    return values;
  }
}
