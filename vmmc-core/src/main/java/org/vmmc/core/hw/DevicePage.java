package org.vmmc.core.hw;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A page mapped to memory-mapped I/O space of a device, for example a NIC proxy page; every
 * reference to it is uncached and goes to the device.
 *
 * @param device the device that answers references to the page
 * @param pageIndex which of the device's pages, at least zero (its meaning is the device's)
 */
public record DevicePage(MmioDevice device, long pageIndex) implements PageTarget {

  /** Checks the device and the index. */
  public DevicePage {
    requireNonNull(device, "device");
    checkArgument(pageIndex >= 0, "device page index must not be negative: %s", pageIndex);
  }

  @Override
  public String toString() {
    return device.name() + " page " + pageIndex;
  }
}
