/**
 * The node-hardware SPI: what the kernel, the user library and the NIC designs see of a
 * SHRIMP node (design reference, section 3).
 *
 * <p>A node has {@link org.vmmc.core.hw.PhysicalMemory} in 4 KB frames, per-process page
 * tables ({@link org.vmmc.core.hw.AddressSpace}) that map virtual pages to memory frames or
 * to pages of memory-mapped devices ({@link org.vmmc.core.hw.MmioDevice}), a Pentium
 * ({@link org.vmmc.core.hw.Cpu}) that runs a process's memory references through them, the
 * Xpress memory bus ({@link org.vmmc.core.hw.MemoryBus}) whose write-through traffic a NIC
 * snoops, and the EISA bus ({@link org.vmmc.core.hw.IoBus}) that DMA crosses. The Ethernet
 * ({@link org.vmmc.core.hw.ControlNetwork}) joins the kernels of all nodes. Every uncertain
 * figure is a field of a parameters record with a documented default.
 */
package org.vmmc.core.hw;
