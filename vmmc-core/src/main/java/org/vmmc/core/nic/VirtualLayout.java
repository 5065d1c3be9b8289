package org.vmmc.core.nic;

/**
 * How the kernel lays out a process's 32-bit virtual address space, so that designs and the
 * kernel agree on which regions are whose.
 *
 * <pre>
 *   0x0000_0000 .. 0x0FFF_FFFF  unmapped (catches null and small forged addresses)
 *   0x1000_0000 .. 0x3FFF_FFFF  user memory, allocated by the kernel
 *   0x5000_0000 .. 0x7FFF_FFFF  the design's per-page memory aliases: the alias of user
 *                               address a is a + ALIAS_OFFSET (SHRIMP-II's source proxies)
 *   0xC000_0000 .. 0xEFFF_FFFF  proxy pages of imported buffers
 * </pre>
 */
public final class VirtualLayout {

  /** First byte of user memory. */
  public static final long USER_BASE = 0x1000_0000L;

  /** One past the last byte of user memory. */
  public static final long USER_LIMIT = 0x4000_0000L;

  /** Distance from a user address to its design-defined alias. */
  public static final long ALIAS_OFFSET = 0x4000_0000L;

  /** First byte of the import proxy region. */
  public static final long PROXY_BASE = 0xC000_0000L;

  /** One past the last byte of the import proxy region. */
  public static final long PROXY_LIMIT = 0xF000_0000L;

  private VirtualLayout() {}
}
