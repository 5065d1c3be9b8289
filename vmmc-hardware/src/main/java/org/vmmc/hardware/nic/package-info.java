/**
 * Building blocks that several network interface designs share. A design composes them in its
 * own package, giving each its timing parameters, counters and the text of its trace points (a
 * block fixes their {@link org.vmmc.core.sim.Stage} and node); nothing here knows which design
 * it serves.
 *
 * <h2>Send side</h2>
 * <ul>
 *   <li>{@link org.vmmc.hardware.nic.OutgoingDmaEngine}: the engine behind a user-level send
 *       (SHRIMP-I's outgoing DMA engine, SHRIMP-II's deliberate-update engine). A design's start
 *       logic (a decoded command, a UDMA pair) checks the request and calls
 *       {@code start(source, destination node, destination, length, notify, table entry)}, or
 *       answers busy while {@code isFull()}; the engine queues the transfer, reads it over EISA
 *       in packets of at most the design's payload, and hands them to a packetizer. Its tickets
 *       and {@code progress()} signal tell the library when a transfer is locally complete.
 *   <li>{@link org.vmmc.hardware.nic.Packetizer}: builds each packet's header and injects it
 *       into the backplane in submission order, with back-pressure; engines wait for room in
 *       its FIFO. A packet whose data arrives later (an automatic-update packet behind the snoop
 *       logic) holds the ones behind it. The conventional card's kernel buffers feed one too.
 *   <li>{@link org.vmmc.hardware.nic.DrainBarrier}: the end-to-end barrier of a revocation,
 *       injected through the packetizer's {@code submitControl} behind the mapping's packets.
 *   <li>{@link org.vmmc.hardware.nic.LocalCompletion}: how the user library waits for the
 *       engine to have read a transfer, and what the poll that sees it costs.
 *   <li>{@link org.vmmc.hardware.nic.PayloadLimit}: the check that the design's packets fit the
 *       backplane's.
 * </ul>
 * A driver built on them unmaps an import by invalidating its table entries, waiting with
 * {@code OutgoingDmaEngine.whenDrained(entries, ...)} until the engine has injected every
 * transfer started through them, releasing the entries, and then running
 * {@code DrainBarrier.afterDelivery(exporter node, whenDrained)}; its {@code whenFrameQuiet}
 * is {@code OutgoingDmaEngine.whenSourceQuiet} when user memory can be a DMA source.
 *
 * <h2>Receive side</h2>
 * {@link org.vmmc.hardware.nic.IncomingPageTable} (per frame: receive enabled, interrupt
 * enabled), which the driver's {@code enableReceive} and {@code disableReceive} program, and
 * {@link org.vmmc.hardware.nic.IncomingDmaEngine}: the network interface chip's incoming FIFO,
 * the table check, incoming DMA over EISA, interrupts as the node's bound
 * {@link org.vmmc.core.nic.ArrivalInterruptPolicy} decides, drop reports, and the answer to
 * drain markers.
 */
package org.vmmc.hardware.nic;
