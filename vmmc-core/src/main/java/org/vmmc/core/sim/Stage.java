package org.vmmc.core.sim;

/**
 * What a traced event's interval of time went to: the stage of a message's path that ends
 * with the event. Every traced event carries one, so a latency breakdown sums time by stage
 * and a timeline draws one track per stage and node.
 */
public enum Stage {
  /** A simulated process running its own code and the user library on its CPU. */
  PROCESS,
  /** A trap into the kernel and the kernel's work inside a system call. */
  SYSTEM_CALL,
  /** The memory bus carrying a store that leaves the cache. */
  MEMORY_BUS,
  /** A network interface's snoop logic catching a store on the memory bus. */
  SNOOP,
  /** A network interface's own logic: engine start, table look-ups, packetizing. */
  NIC_LOGIC,
  /** Automatic-update combining waiting for more stores before the packet leaves. */
  COMBINING_WAIT,
  /** DMA over the I/O bus: reading a message at the sender, writing it at the receiver. */
  IO_BUS_DMA,
  /** The routing backplane, from injection to the packet's tail arriving. */
  NETWORK,
  /** An interrupt taken by the kernel and its handler, up to a notification's upcall. */
  INTERRUPT,
  /** A CPU copying a message between buffers (kernel or library). */
  COPY,
  /** The control path: kernel-to-kernel messages over the Ethernet and their handling. */
  CONTROL,
  /** Engine bookkeeping and events no stage describes. */
  OTHER
}
