package org.vmmc.userlib;

import org.vmmc.core.nic.CombiningMode;
import org.vmmc.kernel.AuBinding;
import org.vmmc.kernel.KernelCalls;
import org.vmmc.kernel.KernelProcess;

/**
 * A local region bound for automatic update to an imported buffer (see
 * {@link Vmmc#bindAutomaticUpdate}): while it is bound, every ordinary store to the region is
 * also carried to the buffer by the network interface. Closing it unbinds: later stores stay
 * local. Close it from the process that made it.
 */
public final class AutomaticUpdateBinding implements AutoCloseable {
  private final KernelCalls kernel;
  private final KernelProcess self;
  private final UserMemory local;
  private final ImportedBuffer destination;
  private final AuBinding binding;

  AutomaticUpdateBinding(KernelCalls kernel, KernelProcess self, UserMemory local,
      ImportedBuffer destination, AuBinding binding) {
    this.kernel = kernel;
    this.self = self;
    this.local = local;
    this.destination = destination;
    this.binding = binding;
  }

  /** The bound local region. */
  public UserMemory local() {
    return local;
  }

  /** The imported buffer the stores go to. */
  public ImportedBuffer destination() {
    return destination;
  }

  /** Where in the destination the region's first byte goes, in bytes. */
  public int destinationOffset() {
    return binding.destinationOffset();
  }

  /** How stores are combined into packets. */
  public CombiningMode mode() {
    return binding.mode();
  }

  /** True when the receiver is notified of every store. */
  public boolean notifies() {
    return binding.notifies();
  }

  /**
   * True while stores propagate: false once closed, or once the import was undone or the
   * exporter unexported the buffer (which end the binding by themselves).
   */
  public boolean isBound() {
    return !binding.isUnbound();
  }

  /**
   * Unbinds (a system call): the region's pages become ordinary local memory again. Returns
   * once every store made while bound has left the node. Closing an ended binding does nothing.
   */
  @Override
  public void close() {
    local.owner().current();
    if (isBound()) {
      kernel.unbindAutomaticUpdate(self, binding);
    }
  }

  @Override
  public String toString() {
    return "automatic update of " + local + " to offset " + binding.destinationOffset() + " of "
        + destination + " (" + binding.mode() + (binding.notifies() ? ", notify" : "")
        + (isBound() ? "" : ", unbound") + ")";
  }
}
