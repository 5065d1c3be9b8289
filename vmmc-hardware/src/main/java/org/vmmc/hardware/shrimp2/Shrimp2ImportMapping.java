package org.vmmc.hardware.shrimp2;

import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * A SHRIMP-II import: consecutive proxy pages, each backed by one outgoing page table entry
 * that names a frame of the remote buffer.
 */
record Shrimp2ImportMapping(RemoteBuffer buffer, VirtualAddress proxyAddress,
    VirtualAddress firstProxyPage, int firstEntry, int entries) implements ImportMapping {}
