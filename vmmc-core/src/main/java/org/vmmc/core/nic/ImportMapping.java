package org.vmmc.core.nic;

import org.vmmc.core.VirtualAddress;

/**
 * What a design's driver set up in an importer for one imported buffer: proxy pages in the
 * importer's address space and the design's table entries behind them. The kernel keeps it
 * to tear the import down; the design's {@link UserAccessPath} reads it to send.
 */
public interface ImportMapping {

  /** The buffer imported. */
  RemoteBuffer buffer();

  /**
   * The proxy address of the buffer's first byte in the importer's address space; the proxy
   * of byte {@code i} of the buffer is this plus {@code i}.
   */
  VirtualAddress proxyAddress();
}
