package org.vmmc.hardware.conventional;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.AddressSpace;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * A conventional import: the kernel's descriptor of an imported buffer. Its proxy range is
 * reserved in the importer's address space but nothing is mapped there: the send system call
 * names the import, and the kernel, not the MMU, decides where the data goes.
 */
final class ConventionalImportMapping implements ImportMapping {
  private final RemoteBuffer buffer;
  private final VirtualAddress proxyAddress;
  private final AddressSpace space;
  private final List<Runnable> drainWaiters = new ArrayList<>();
  private int outstanding;

  ConventionalImportMapping(RemoteBuffer buffer, VirtualAddress proxyAddress,
      AddressSpace space) {
    this.buffer = buffer;
    this.proxyAddress = proxyAddress;
    this.space = space;
  }

  @Override
  public RemoteBuffer buffer() {
    return buffer;
  }

  @Override
  public VirtualAddress proxyAddress() {
    return proxyAddress;
  }

  /** The address space of the process that imported the buffer. */
  AddressSpace space() {
    return space;
  }

  /** A packet through this import went into a kernel send buffer. */
  void packetQueued() {
    outstanding++;
  }

  /** A packet through this import has been taken by the network. */
  void packetInjected() {
    outstanding--;
    if (outstanding == 0 && !drainWaiters.isEmpty()) {
      List<Runnable> waiting = List.copyOf(drainWaiters);
      drainWaiters.clear();
      waiting.forEach(Runnable::run);
    }
  }

  /** Runs {@code action} once no packet through this import is left in the node. */
  void whenDrained(Runnable action) {
    if (outstanding == 0) {
      action.run();
    } else {
      drainWaiters.add(action);
    }
  }

  @Override
  public String toString() {
    return "conventional import of " + buffer.id() + " from " + buffer.exporter();
  }
}
