/**
 * The SHRIMP-II network interface design (design reference, section 4.2), bound by
 * {@link org.vmmc.hardware.shrimp2.Shrimp2Module}, timed by
 * {@link org.vmmc.hardware.shrimp2.Shrimp2Parameters}.
 *
 * <p><b>Deliberate update</b> is user-level DMA: a STORE of the byte count to a destination
 * proxy and a LOAD from a source proxy start the deliberate-update engine (the shared
 * {@link org.vmmc.hardware.nic.OutgoingDmaEngine}), which reads the data over EISA and hands
 * packets to the packetizer.
 *
 * <p><b>Automatic update.</b> The kernel binds a local page by programming the frame's entry in
 * the automatic-update half of the outgoing page table (combining mode, notify, destination
 * node and frame) and making the page write-through. The snoop logic sees every store on the
 * Xpress bus; a store to a bound frame goes into the outgoing FIFO as (address, data), and a
 * full FIFO stalls the bus write, so the CPU, until the network takes a packet. The combining
 * logic groups consecutive stores as {@link org.vmmc.core.nic.CombiningMode} says, the
 * packetizer builds each packet from the frame's entry. The packetizer's FIFO is the arbiter:
 * it serialises automatic-update and deliberate-update packets in submission order, and an
 * automatic-update packet still passing the snoop logic holds the ones behind it. Starting a deliberate update closes the
 * open automatic-update packet, so a node's automatic and deliberate updates reach one
 * destination in program order. A store is never lost, merged with another or reordered.
 *
 * <p><b>Where the 4.8 µs go.</b> The published one-way user-to-user latency of a one-word
 * automatic update between neighbouring nodes is 4.8 µs (IPPS'96). With the default parameters
 * of every layer, half of a ping-pong in which each side stores the word into its bound page
 * under the default {@code TIMER_WRITE} and the other polls for it takes 4.817 µs:
 * <pre>
 *   stage                                                    parameter                     µs
 *   sender's store instruction, 1 cycle at 60 MHz            CpuParameters                 0.017
 *   Xpress bus write: snooped as it is driven; its 4 clocks  MemoryBusParameters           0
 *     (0.067 µs) hold the sender's CPU, not the word
 *   snoop logic: latch, synchronise into the 33 MHz clock,   snoopCycles = 4               0.121
 *     outgoing FIFO fall-through, table lookup
 *   outgoing FIFO: empty at zero load, no queueing           outgoingFifoWords             0
 *   TIMER_WRITE flush timer, no further store joins          combiningTimerCycles = 96     2.909
 *   packetizer: header, start into the interface chip        packetizerCycles = 6          0.182
 *   mesh: one hop, 8 flits, 2 x (3 + 1) + 7 = 15 cycles      MeshParameters                0.150
 *     of 10 ns, plus the wait for the next mesh clock edge                                 ~0.008
 *   incoming page table check                                incomingCheckCycles = 2       0.061
 *   EISA incoming DMA: set-up 1 µs, 4 bytes at 33 MB/s       IoBusParameters               1.121
 *   receiver's poll: rest of the 4-cycle iteration in        LibraryParameters             ~0.05
 *     progress (its phase varies by round), and the                                        0.200
 *     12-cycle missing load that sees the flag
 *                                                                                 total    4.817
 * </pre>
 * Without the timer ({@code SINGLE_WRITE}) the same word takes 1.900 µs: the timer is the
 * price of combining, paid by the last packet of every burst. Every figure but the timer is
 * shared with deliberate update or fixed by another layer; the timer is the modelling guess
 * that closes the gap (see {@link org.vmmc.hardware.shrimp2.Shrimp2Parameters}). The
 * measurement is {@code Measurements.automaticUpdateLatency} in {@code vmmc-bench}, printed by
 * {@code AutomaticUpdateFigures}.
 */
package org.vmmc.hardware.shrimp2;
