package org.vmmc.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.userlib.Inspector;
import org.vmmc.userlib.MemoryWriteObserver;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * Every write that lands in one receive buffer, in the order it lands: what incoming DMA wrote,
 * byte by byte, as offsets into the buffer. Each write is one {@link Deposit}; a network
 * interface writes each packet's payload in one, so their sizes are the packet sizes. Create it
 * before the run, with the machine and the receiving node; the receiver names its buffer with
 * {@link #watch} and ends the log with {@link #stop} (before its memory is freed and cleared).
 * It sees memory through the machine's {@link Inspector} only.
 */
public final class Arrivals implements MemoryWriteObserver {
  /**
   * One write into the buffer.
   *
   * @param offset where it starts, in bytes from the buffer's start
   * @param bytes what was written
   * @param time when it landed
   */
  public record Deposit(int offset, byte[] bytes, SimTime time) {
    /** Checks the fields. */
    public Deposit {
      requireNonNull(bytes, "bytes");
      requireNonNull(time, "time");
    }
  }

  private final Inspector inspector;
  private final MemoryGeometry geometry = MemoryGeometry.SHRIMP;
  private final Map<Long, Integer> pageOfFrame = new HashMap<>();
  private final List<Deposit> deposits = new ArrayList<>();
  private boolean recording;

  /** Listens to the writes into the memory of node {@code node} of {@code mc}. */
  public Arrivals(Multicomputer mc, int node) {
    this.inspector = mc.inspector();
    inspector.onMemoryWrite(mc.node(node).id(), this);
  }

  /**
   * Starts logging writes into {@code buffer}, memory of {@code owner} on this node; call it
   * from {@code owner}'s code, before the buffer is exported.
   */
  public void watch(VmmcProcess owner, UserMemory buffer) {
    for (int page = 0; page * geometry.pageSize() < buffer.length(); page++) {
      VirtualAddress va = buffer.address().plus((long) page * geometry.pageSize());
      PhysicalAddress pa = inspector.physicalAddress(owner.id(), va).orElseThrow(
          () -> new IllegalStateException(va + " of " + owner.id() + " is not mapped"));
      pageOfFrame.put(geometry.frameOf(pa).value(), page);
    }
    recording = true;
  }

  /** Ends the log. */
  public void stop() {
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

  /** The writes so far, in the order they landed. */
  public List<Deposit> deposits() {
    return List.copyOf(deposits);
  }

  /** Each byte written so far, as {@link StoreLog#entry "offset=value"}, in the order written. */
  public List<String> bytes() {
    List<String> out = new ArrayList<>();
    for (Deposit d : deposits) {
      for (int i = 0; i < d.bytes().length; i++) {
        out.add(StoreLog.entry(d.offset() + i, d.bytes()[i]));
      }
    }
    return out;
  }

  /** The length in bytes of each write so far, in order. */
  public List<Integer> sizes() {
    return deposits.stream().map(d -> d.bytes().length).toList();
  }

  /** The values written to the 4-byte word at {@code offset}, in order. */
  public List<Integer> wordValues(int offset) {
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
