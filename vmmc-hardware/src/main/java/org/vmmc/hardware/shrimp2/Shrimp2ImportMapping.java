package org.vmmc.hardware.shrimp2;

import java.util.List;
import java.util.stream.IntStream;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * A SHRIMP-II import: consecutive proxy pages, each backed by one outgoing page table entry
 * that names a frame of the remote buffer.
 */
record Shrimp2ImportMapping(RemoteBuffer buffer, VirtualAddress proxyAddress,
    VirtualAddress firstProxyPage, int firstEntry, int entries) implements ImportMapping {

  /** The import's outgoing page table entries, {@code firstEntry} on, in order. */
  List<Integer> entryList() {
    return IntStream.range(firstEntry, firstEntry + entries).boxed().toList();
  }
}
