package org.vmmc.examples.ideal;

import org.vmmc.core.VirtualAddress;
import org.vmmc.core.nic.ImportMapping;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * An ideal import: proxy pages from {@code firstProxyPage} on, one per page of the buffer,
 * each naming one of the outgoing table entries numbered from {@code firstEntry} on.
 *
 * @param buffer the buffer imported
 * @param proxyAddress the proxy of the buffer's first byte
 * @param firstProxyPage the address of the first proxy page
 * @param firstEntry the number of the first page's outgoing table entry
 * @param entries how many proxy pages (and entries) the import has
 */
record IdealImportMapping(RemoteBuffer buffer, VirtualAddress proxyAddress,
    VirtualAddress firstProxyPage, long firstEntry, int entries) implements ImportMapping {

  @Override
  public String toString() {
    return "ideal import of " + buffer.id() + " from " + buffer.exporter();
  }
}
